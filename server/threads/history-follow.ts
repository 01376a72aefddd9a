import type { FollowResult, Revision } from '../../shared/api/threads';
import { isModerator, type Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { presentAuthor } from './presenter';
import { listRevisions, lockThread } from './thread-queries';

/** Edit history (earlier versions of a thread or reply) and following a thread. */
export async function threadRevisions(
  ctx: AppContext,
  viewer: Viewer | null,
  target: { threadId: string; replyId: string | null },
): Promise<Revision[]> {
  const mod = isModerator(viewer);
  const live = await ctx.db
    .selectFrom(target.replyId ? 'replies' : 'threads')
    .select('id')
    .where('id', '=', target.replyId ?? target.threadId)
    .where('deleted_at', 'is', null)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  // Earlier versions of removed posts stay with the moderators.
  if (!live && !mod) return [];
  const rows = await listRevisions(ctx.db, target);
  return rows.map((r) => ({
    number: r.number,
    title: r.title,
    tags: r.tags,
    bodyHtml: r.body_html,
    // Markdown of old versions helps authors restore text; readers get the HTML only.
    bodyMarkdown: mod || (viewer && viewer.id === r.author_id) ? r.body_md : '',
    editor: presentAuthor(r),
    replacedAt: r.replaced_at.toISOString(),
  }));
}

export async function setFollow(
  ctx: AppContext,
  viewer: Viewer,
  threadId: string,
  follow: boolean,
): Promise<FollowResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const thread = await lockThread(trx, threadId);
    if (!thread || (thread.deleted_at && follow)) throw notFound('That thread');
    const changed = follow
      ? await trx
          .insertInto('thread_follows')
          .values({ thread_id: threadId, user_id: viewer.id })
          .onConflict((oc) => oc.doNothing())
          .returning('user_id')
          .executeTakeFirst()
      : await trx
          .deleteFrom('thread_follows')
          .where('thread_id', '=', threadId)
          .where('user_id', '=', viewer.id)
          .returning('user_id')
          .executeTakeFirst();
    const row = await trx
      .updateTable('threads')
      .set((eb) => ({
        follower_count: eb('follower_count', '+', changed ? (follow ? 1 : -1) : 0),
      }))
      .where('id', '=', threadId)
      .returning('follower_count')
      .executeTakeFirstOrThrow();
    return { following: follow, followerCount: row.follower_count };
  });
}
