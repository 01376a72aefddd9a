import type { z } from 'zod';
import type { auditQuery, AuditPage, queueQuery, QueuePage } from '../../shared/api/moderation';
import type { AppContext } from '../context';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { pageOf } from '../lib/paging';
import { presentAudit, presentQueueItem } from './presenter';
import { listAudit, listQueue } from './queries';

/** The moderator queue, oldest flag first; the cursor is (first flag time, target id). */
export async function queuePage(
  ctx: AppContext,
  q: z.output<typeof queueQuery>,
): Promise<QueuePage> {
  const after = decodeCursor(q.cursor, ['time', 'uuid']);
  const rows = await listQueue(ctx.db, { limit: q.limit + 1, after });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentQueueItem),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.first_key, last.target_id]) : null,
  };
}

/** The moderation log, newest first. */
export async function auditPage(
  ctx: AppContext,
  q: z.output<typeof auditQuery>,
): Promise<AuditPage> {
  const rows = await listAudit(ctx.db, {
    limit: q.limit + 1,
    moderator: q.moderator,
    targetId: q.targetId,
    before: decodeCursor(q.cursor, ['time', 'uuid']),
  });
  return pageOf(rows, q.limit, (r) => r.created_key, presentAudit);
}
