import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { renderMarkdown } from '../../shared/markdown';
import type { Trx } from '../forum/author';
import { insertReply } from '../replies/queries';
import { demoThreads } from './demo-content';
import { demoReplies, demoThreadVotes } from './demo-forum-content';

const HOUR = 3_600_000;

/**
 * Replies, votes, helpful marks and follows on the demo threads, then every counter the
 * lists read (reply_count, helpful_count, points, karma, hot_score, tag counts) derived
 * from those rows, so the demo data obeys the same invariants as real data.
 */
export async function seedDemoForum(trx: Trx, now: number): Promise<void> {
  const users = await trx.selectFrom('users').select(['id', 'handle']).execute();
  const userId = new Map(users.map((u) => [u.handle, u.id]));
  const threads = await trx.selectFrom('threads').select(['id', 'title', 'created_at']).execute();
  const threadByKey = new Map(
    demoThreads.map((t) => [t.key, threads.find((row) => row.title === t.title)!]),
  );

  const replyId = new Map<string, string>();
  for (const r of demoReplies) {
    const thread = threadByKey.get(r.thread)!;
    const id = randomUUID();
    replyId.set(r.key, id);
    const createdAt = new Date(
      Math.min(thread.created_at.getTime() + r.after * HOUR, now - 60_000),
    );
    await insertReply(trx, {
      id,
      threadId: thread.id,
      parentId: r.parent ? replyId.get(r.parent)! : null,
      authorId: userId.get(r.author)!,
      bodyMd: r.body,
      bodyHtml: renderMarkdown(r.body),
      createdAt,
      points: 1 + r.votes.length,
    });
    if (r.helpful)
      await trx
        .updateTable('replies')
        .set({ helpful_at: new Date(createdAt.getTime() + 30 * 60_000) })
        .where('id', '=', id)
        .execute();
    const voters = r.votes.filter((h) => h !== r.author).map((h) => userId.get(h)!);
    if (voters.length)
      await trx
        .insertInto('reply_votes')
        .values(voters.map((u) => ({ reply_id: id, user_id: u, thread_id: thread.id })))
        .execute();
    await trx
      .insertInto('thread_follows')
      .values({ thread_id: thread.id, user_id: userId.get(r.author)! })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  for (const t of demoThreads) {
    const thread = threadByKey.get(t.key)!;
    await trx
      .insertInto('thread_follows')
      .values({ thread_id: thread.id, user_id: userId.get(t.author)! })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  for (const v of demoThreadVotes) {
    const thread = threadByKey.get(v.thread)!;
    await trx
      .insertInto('thread_votes')
      .values(v.voters.map((h) => ({ thread_id: thread.id, user_id: userId.get(h)! })))
      .execute();
  }

  await sql`
    UPDATE threads t SET
      reply_count = c.replies, helpful_count = c.helpful,
      last_activity_at = greatest(t.created_at, c.last_reply),
      follower_count = (SELECT count(*) FROM thread_follows f WHERE f.thread_id = t.id),
      hot_score = forum_hot_score(t.points, t.created_at, now())
      FROM (SELECT t2.id,
                   count(r.id) FILTER (WHERE r.deleted_at IS NULL)::int AS replies,
                   count(r.id) FILTER (WHERE r.helpful_at IS NOT NULL)::int AS helpful,
                   max(r.created_at) AS last_reply
              FROM threads t2 LEFT JOIN replies r ON r.thread_id = t2.id GROUP BY t2.id) c
     WHERE c.id = t.id`.execute(trx);
  // Karma is votes received; demo thread points stand for votes from a wider community.
  await sql`
    UPDATE users u SET karma = coalesce((SELECT sum(points - 1) FROM threads WHERE author_id = u.id), 0)
                             + coalesce((SELECT sum(points - 1) FROM replies WHERE author_id = u.id), 0)`.execute(
    trx,
  );
  await sql`
    UPDATE tags SET thread_count = (SELECT count(*) FROM threads t WHERE t.tags @> ARRAY[tags.slug])`.execute(
    trx,
  );
}
