import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../server/db';
import type { ReplyNode, ThreadDetail, ThreadViewerOverlay } from '../../shared/api/threads';
import { withViewer } from '../../shared/forum/viewer-overlay';
import type { Client } from '../helpers/auth';

/** Shared by the forum*.test.ts files: post through the real API, tweak time in the DB. */

/**
 * Limits high enough that tests about other rules never trip them, and no read caches:
 * these tests move rows in time with SQL, behind the caches' back (forum-cache.test.ts
 * covers the caches).
 */
export const forumTestEnv = {
  FORUM_LIST_CACHE_SECONDS: '0',
  FORUM_THREAD_CACHE_SECONDS: '0',
  FORUM_POSTS_PER_HOUR: '1000',
  FORUM_POSTS_PER_HOUR_NEW: '1000',
  FORUM_VOTES_PER_DAY: '1000',
  FORUM_VOTES_PER_DAY_NEW: '1000',
};
let n = 0;

export async function postThread(
  client: Client,
  o: { title?: string; body?: string; tags?: string[]; id?: string } = {},
): Promise<ThreadDetail> {
  n++;
  const res = await client.post('/api/threads').send({
    id: o.id ?? randomUUID(),
    title: o.title ?? `A question about switching, number ${n}`,
    body: o.body ?? `Body of question ${n}: how did you move from engineering to product?`,
    tags: o.tags ?? ['career-switch'],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ThreadDetail;
}

export async function postReply(
  client: Client,
  threadId: string,
  o: { parentId?: string | null; body?: string; id?: string } = {},
): Promise<ReplyNode> {
  n++;
  const res = await client.post(`/api/threads/${threadId}/replies`).send({
    id: o.id ?? randomUUID(),
    parentId: o.parentId ?? null,
    body: o.body ?? `Reply ${n}: here is what worked for me.`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ReplyNode;
}

/** Moves a post (and, for threads, the stored hot score) back in time. */
export async function setCreatedAt(
  db: Db,
  table: 'threads' | 'replies',
  id: string,
  at: Date,
): Promise<void> {
  if (table === 'threads')
    await sql`UPDATE threads SET created_at = ${at}, last_activity_at = ${at},
                hot_score = forum_hot_score(points, ${at}, now()) WHERE id = ${id}`.execute(db);
  else await sql`UPDATE replies SET created_at = ${at} WHERE id = ${id}`.execute(db);
}

export async function setUserCreatedAt(db: Db, userId: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ created_at: at }).where('id', '=', userId).execute();
}

export const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/**
 * A thread page as a signed-in member's browser builds it: the shared public body plus their
 * overlay, merged with the client's own function (moderators load their own build).
 */
export async function readThreadAs(
  client: Client,
  threadId: string,
  sort = 'best',
): Promise<ThreadDetail> {
  const url = `/api/threads/${threadId}?sort=${sort}`;
  if (client.viewer.role !== 'member') {
    const res = await client.get(`${url}&view=moderation`).expect(200);
    return res.body as ThreadDetail;
  }
  const [body, overlay] = await Promise.all([
    client.get(url).expect(200),
    client.get(`/api/threads/${threadId}/viewer`).expect(200),
  ]);
  return withViewer(body.body as ThreadDetail, overlay.body as ThreadViewerOverlay);
}
