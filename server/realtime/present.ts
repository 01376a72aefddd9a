import type { ReplyNode, ThreadSummary } from '../../shared/api/threads';
import type { AppContext } from '../context';
import type { Trx } from '../forum/author';
import type { PolicyContext } from '../forum/policy';
import { notFound } from '../http/errors';
import { listReplies } from '../replies/queries';
import { presentReply } from '../replies/tree';
import { threadFactsOf } from '../forum/posting';
import { presentThread } from '../threads/presenter';
import { findThread } from '../threads/thread-queries';
import { publicThread, type PublicThread } from './public';

/**
 * Event payloads, read inside the writing transaction (so they show exactly what commits)
 * and built by the forum's own presenters for an anonymous reader — what anyone in the
 * room may see. The few extra reads happen once per write, never per recipient.
 */
const anonymous = (ctx: AppContext): PolicyContext => ({
  viewer: null,
  now: new Date(),
  editWindowHours: ctx.config.FORUM_EDIT_WINDOW_HOURS,
});

export async function replyForEvent(
  ctx: AppContext,
  trx: Trx,
  threadId: string,
  replyId: string,
): Promise<ReplyNode> {
  const [thread, rows] = await Promise.all([
    findThread(trx, threadId, null),
    listReplies(trx, threadId, null, replyId),
  ]);
  const row = rows.find((r) => r.id === replyId);
  if (!thread || !row) throw notFound('That reply');
  const childCount = rows.filter((r) => r.parent_id === replyId && !r.deleted_at).length;
  return presentReply(
    row,
    { threadId, thread: threadFactsOf(thread), policy: anonymous(ctx) },
    childCount,
    0,
  );
}

export async function threadForEvent(
  ctx: AppContext,
  trx: Trx,
  threadId: string,
): Promise<PublicThread> {
  const row = await findThread(trx, threadId, null);
  if (!row) throw notFound('That thread');
  return publicThread(presentThread(row, anonymous(ctx)));
}

/** The front page's list item for a new question (same fields as GET /api/threads). */
export function summaryOf(t: PublicThread): ThreadSummary {
  return {
    id: t.id,
    title: t.title,
    excerpt: t.excerpt,
    tags: t.tags,
    author: t.author,
    points: t.points,
    replyCount: t.replyCount,
    answered: t.answered,
    locked: t.locked,
    createdAt: t.createdAt,
    lastActivityAt: t.lastActivityAt,
  };
}
