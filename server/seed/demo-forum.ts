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
  // One INSERT per reply (its tree path needs its parent's); votes, helpful marks and follows
  // go in afterwards as one statement each, which keeps the whole seed well under a second.
  const votes: { reply_id: string; user_id: string; thread_id: string }[] = [];
  const follows = new Map<string, { thread_id: string; user_id: string }>();
  const follow = (threadId: string, handle: string) =>
    follows.set(`${threadId}:${handle}`, { thread_id: threadId, user_id: userId.get(handle)! });
  const helpful: { id: string; at: Date }[] = [];
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
    if (r.helpful) helpful.push({ id, at: new Date(createdAt.getTime() + 30 * 60_000) });
    for (const h of r.votes)
      if (h !== r.author)
        votes.push({ reply_id: id, user_id: userId.get(h)!, thread_id: thread.id });
    follow(thread.id, r.author);
  }
  if (helpful.length)
    await sql`
      UPDATE replies r SET helpful_at = h.at::timestamptz
        FROM unnest(${helpful.map((h) => h.id)}::uuid[], ${helpful.map((h) => h.at.toISOString())}::text[]) AS h(id, at)
       WHERE r.id = h.id`.execute(trx);
  if (votes.length) await trx.insertInto('reply_votes').values(votes).execute();

  for (const t of demoThreads) follow(threadByKey.get(t.key)!.id, t.author);
  await trx
    .insertInto('thread_follows')
    .values([...follows.values()])
    .execute();
  const threadVotes = demoThreadVotes.flatMap((v) =>
    v.voters.map((h) => ({ thread_id: threadByKey.get(v.thread)!.id, user_id: userId.get(h)! })),
  );
  if (threadVotes.length) await trx.insertInto('thread_votes').values(threadVotes).execute();

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
