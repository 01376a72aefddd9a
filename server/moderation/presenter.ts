import type {
  AuditEntry,
  FlagReason,
  ModerationAction,
  QueueItem,
} from '../../shared/api/moderation';
import { replyUrl, threadUrl } from '../forum/urls';
import { excerpt, presentAuthor } from '../threads/presenter';
import type { listAudit, QueueRow } from './queries';

export function presentQueueItem(row: QueueRow): QueueItem {
  return {
    target: {
      type: row.target_type,
      id: row.target_id,
      threadId: row.thread_id,
      threadTitle: row.thread_title,
      bodyHtml: row.body_html,
      excerpt: excerpt(row.body_md),
      author: {
        ...presentAuthor(row),
        suspendedUntil: row.author_suspended_until?.toISOString() ?? null,
        karma: row.author_karma ?? 0,
      },
      createdAt: row.created_at.toISOString(),
      hidden: row.hidden,
      deleted: row.deleted,
      threadLocked: row.thread_locked,
      url:
        row.target_type === 'reply'
          ? replyUrl(row.thread_id, row.target_id)
          : threadUrl(row.thread_id),
      parentExcerpt: row.parent_md === null ? null : excerpt(row.parent_md, 200),
    },
    flags: (row.flags ?? []).map((f) => ({
      id: f.id,
      reason: f.reason as FlagReason,
      note: f.note,
      reporter: presentAuthor({
        author_id: f.reporter_id,
        author_handle: f.reporter_handle,
        author_display_name: f.reporter_name,
        author_deleted_at: null,
      }),
      createdAt: new Date(f.created_at).toISOString(),
    })),
    firstFlaggedAt: row.first_at.toISOString(),
  };
}

type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

export function presentAudit(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    action: row.action as ModerationAction,
    moderator: presentAuthor(row),
    targetType: row.target_type as AuditEntry['targetType'],
    targetId: row.target_id,
    threadId: row.thread_id,
    reason: row.reason,
    details: (row.details ?? {}) as Record<string, unknown>,
    createdAt: row.created_at.toISOString(),
  };
}
