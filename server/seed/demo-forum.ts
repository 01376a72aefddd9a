import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { renderMarkdown } from '../../shared/markdown';
import type { Trx } from '../forum/author';
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
  // Every reply in one INSERT (a few, for size): numbers come from the same sequence the app
  // uses, and each tree path is its parent's path plus its own number, as insertReply builds
  // it — computed here because a parent is always listed before its replies. One statement
  // instead of one per reply keeps the seed fast however much the community grows.
  const votes: { reply_id: string; user_id: string; thread_id: string }[] = [];
  const follows = new Map<string, { thread_id: string; user_id: string }>();
  const follow = (threadId: string, handle: string) =>
    follows.set(`${threadId}:${handle}`, { thread_id: threadId, user_id: userId.get(handle)! });
  const helpful: { id: string; at: Date }[] = [];
  const { rows: nums } = await sql<{ num: string }>`
    SELECT nextval('replies_num_seq')::text AS num FROM generate_series(1, ${demoReplies.length}::int)`.execute(
    trx,
  );
  const ordered = nums.map((r) => BigInt(r.num)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const placed = new Map<string, { path: string; depth: number }>();
  const rows = demoReplies.map((r, i) => {
    const thread = threadByKey.get(r.thread)!;
    const id = randomUUID();
    replyId.set(r.key, id);
    const num = ordered[i]!;
    const parent = r.parent ? placed.get(r.parent)! : undefined;
    const path = (parent?.path ?? '') + num.toString(16).padStart(12, '0');
    const depth = parent ? parent.depth + 1 : 0;
    placed.set(r.key, { path, depth });
    const createdAt = new Date(
      Math.min(thread.created_at.getTime() + r.after * HOUR, now - 60_000),
    );
    if (r.helpful) helpful.push({ id, at: new Date(createdAt.getTime() + 30 * 60_000) });
    for (const h of r.votes)
      if (h !== r.author)
        votes.push({ reply_id: id, user_id: userId.get(h)!, thread_id: thread.id });
    follow(thread.id, r.author);
    return {
      id,
      num: num.toString(),
      thread_id: thread.id,
      parent_id: r.parent ? replyId.get(r.parent)! : null,
      path,
      depth,
      author_id: userId.get(r.author)!,
      body_md: r.body,
      body_html: renderMarkdown(r.body),
      points: 1 + r.votes.filter((h) => h !== r.author).length,
      created_at: createdAt,
      updated_at: createdAt,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('replies')
      .values(rows.slice(i, i + 200))
      .execute();
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
