import type { ReplyLocation, ReplyNode, ReplySort, ReplySubtree } from '../../shared/api/threads';
import { TREE_DEPTH_LIMIT } from '../../shared/api/threads';
import { isModerator, type Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { threadFactsOf } from '../forum/posting';
import { replyUrl } from '../forum/urls';
import { notFound } from '../http/errors';
import { presentAuthor } from '../threads/presenter';
import { policyFor } from '../threads/service';
import { findThread } from '../threads/thread-queries';
import { listReplies } from './queries';
import { buildTree, presentReply } from './tree';

/** Reading replies: one reply, a subtree ("continue this thread"), a permalink's target. */
/** One reply as the thread page shows it (after a write). */
export async function getReplyNode(
  ctx: AppContext,
  viewer: Viewer | null,
  replyId: string,
): Promise<ReplyNode> {
  const loc = await ctx.db
    .selectFrom('replies')
    .select('thread_id')
    .where('id', '=', replyId)
    .executeTakeFirst();
  if (!loc) throw notFound('That reply');
  const sub = await getSubtree(ctx, viewer, loc.thread_id, replyId, 'best', true);
  return sub.replies[0]!;
}

export async function getSubtree(
  ctx: AppContext,
  viewer: Viewer | null,
  threadId: string,
  replyId: string,
  sort: ReplySort,
  includeDeleted = false,
): Promise<ReplySubtree> {
  const viewerId = viewer?.id ?? null;
  const [thread, rows] = await Promise.all([
    findThread(ctx.db, threadId, viewerId),
    listReplies(ctx.db, threadId, viewerId, replyId),
  ]);
  const focus = rows.find((r) => r.id === replyId);
  if (!thread || !focus || (thread.deleted_at && !isModerator(viewer)))
    throw notFound('That reply');
  const policy = policyFor(ctx, viewer);
  const opts = { threadId, thread: threadFactsOf(thread), order: sort, policy };
  const ancestors = rows.filter((r) => r.path.length < focus.path.length);
  const below = rows.filter((r) => r.path.length >= focus.path.length);
  const replies = buildTree(below, { ...opts, depthLimit: TREE_DEPTH_LIMIT, rootId: replyId });
  if (replies.length === 0) {
    if (!includeDeleted) throw notFound('That reply');
    replies.push(presentReply(focus, opts, 0, 0));
  }
  return {
    thread: {
      id: thread.id,
      title: thread.deleted_at ? '[deleted]' : thread.title,
      tags: thread.tags,
      author: presentAuthor(thread),
      locked: thread.locked_at !== null,
    },
    ancestors: ancestors.map((r) => presentReply(r, opts, 1, 0)),
    replies,
    focusId: replyId,
  };
}

export async function replyLocation(ctx: AppContext, replyId: string): Promise<ReplyLocation> {
  const row = await ctx.db
    .selectFrom('replies as r')
    .innerJoin('threads as t', 't.id', 'r.thread_id')
    .select(['r.thread_id', 'r.depth'])
    .where('r.id', '=', replyId)
    .where('t.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('That reply');
  return {
    threadId: row.thread_id,
    replyId,
    depth: row.depth,
    permalink: replyUrl(row.thread_id, replyId),
  };
}
