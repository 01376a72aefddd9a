import { describeNotification, type NotificationItem } from '../../shared/api/notifications';
import type { NotificationRow } from './queries';

const iso = (v: Date | string) => new Date(v).toISOString();

export function presentNotification(row: NotificationRow): NotificationItem {
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  return {
    id: String(row.id),
    kind: row.kind,
    payload,
    ...describeNotification(row.kind, payload),
    readAt: row.read_at ? iso(row.read_at) : null,
    createdAt: iso(row.created_at),
  };
}
