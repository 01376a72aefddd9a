import type { Trx } from '../forum/author';
import { excerptOf } from '../notifications/post-events';
import { insertNotifications, type NewNotification } from '../notifications/queries';

const HOUR = 3_600_000;

/**
 * What makes a first `npm run digest:preview -- devon-k` worth reading: a few demo members
 * follow tags (the digest's "top threads in tags you follow"), and the replies the demo forum
 * already holds from the last day and a half leave the notifications the app itself would
 * have written when they were posted (a reply to my question, a reply to my reply; the same
 * payload and dedupe key as server/notifications/post-events.ts). Devon's two unread chat
 * messages from Tomás (demo-chat.ts) fill the unread-chat section.
 *
 * Runs before the mentorship seed, so the mentorship notifications stay the newest in the
 * bells (the bell lists by id).
 */
export const demoTagFollows: Record<string, string[]> = {
  'devon-k': ['internal-transfer', 'pm-interviews'],
  maya_builds: ['startups', 'portfolio'],
  lin_qa: ['resume', 'technical-pm'],
  priya_pm: ['career-switch'],
};

export async function seedDemoDigest(trx: Trx, now: number): Promise<void> {
  const users = await trx.selectFrom('users').select(['id', 'handle']).execute();
  const idOf = new Map(users.map((u) => [u.handle, u.id]));
  const follows = Object.entries(demoTagFollows).flatMap(([handle, tags]) =>
    idOf.has(handle) ? tags.map((tag) => ({ user_id: idOf.get(handle)!, tag })) : [],
  );
  if (follows.length)
    await trx
      .insertInto('tag_follows')
      .values(follows.map((f) => ({ ...f, created_at: new Date(now - 30 * 24 * HOUR) })))
      .execute();

  const replies = await trx
    .selectFrom('replies as r')
    .innerJoin('threads as t', 't.id', 'r.thread_id')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .leftJoin('replies as p', 'p.id', 'r.parent_id')
    .select([
      'r.id',
      'r.thread_id',
      'r.author_id',
      'r.body_md',
      'r.created_at',
      't.title',
      't.author_id as thread_author',
      'p.author_id as parent_author',
      'u.handle',
      'u.display_name',
    ])
    .where('r.created_at', '>', new Date(now - 36 * HOUR))
    .orderBy('r.created_at')
    .execute();
  const items: NewNotification[] = [];
  for (const r of replies) {
    const payload = {
      threadId: r.thread_id,
      replyId: r.id,
      title: r.title,
      by: { handle: r.handle, displayName: r.display_name },
      excerpt: excerptOf(r.body_md),
    };
    const told = new Set<string>();
    for (const [userId, kind] of [
      [r.parent_author, 'reply_to_reply'],
      [r.thread_author, 'reply_to_thread'],
    ] as const) {
      if (!userId || userId === r.author_id || told.has(userId)) continue;
      told.add(userId);
      items.push({ userId, kind, payload, dedupeKey: `post:${r.id}`, createdAt: r.created_at });
    }
  }
  await insertNotifications(trx, items);
}
