import type { NotificationItem, NotificationListQuery } from '../../shared/api/notifications';
import type { Page } from '../../shared/api/threads';
import type { Db } from '../db';
import { invalid } from '../http/errors';
import { presentNotification } from './presenter';
import * as q from './queries';

export { insertNotifications as notify, type NewNotification } from './queries';

export async function listPage(
  db: Db,
  userId: string,
  query: NotificationListQuery,
): Promise<Page<NotificationItem>> {
  let before: number | undefined;
  if (query.cursor !== undefined) {
    before = /^\d{1,18}$/.test(query.cursor) ? Number(query.cursor) : NaN;
    if (!Number.isSafeInteger(before))
      throw invalid('cursor', 'is not a cursor this server gave out');
  }
  const rows = await q.listNotifications(db, userId, {
    limit: query.limit + 1,
    before,
    unreadOnly: query.unread === 'true',
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}

export const unreadCount = q.countUnread;
export const markRead = q.markRead;
