import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { hotScore } from '../../server/threads/ranking';
import type { ThreadSummary } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { hoursAgo, postReply, postThread, forumTestEnv } from './forum-helpers';

let app: TestApp;
let asker: Client;
let replier: Client;
const crafted: { id: string; points: number; at: Date; tag: string }[] = [];

/** A thread with given points and age, stored score computed as the app would. */
async function craft(points: number, ageHours: number, tag = 'career-switch') {
  const t = await postThread(asker, { tags: [tag] });
  const at = hoursAgo(ageHours);
  await sql`UPDATE threads SET points = ${points}, created_at = ${at}, last_activity_at = ${at},
              hot_score = forum_hot_score(${points}, ${at}, now()) WHERE id = ${t.thread.id}`.execute(
    app.ctx.db,
  );
  crafted.push({ id: t.thread.id, points, at, tag });
  return t.thread.id;
}

/** Walks every page of a list with a small page size. */
async function all(query: string, limit = 3): Promise<ThreadSummary[]> {
  const out: ThreadSummary[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: ThreadSummary[]; nextCursor: string | null } } = await anonymous(
      app,
    )
      .get(`/api/threads?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
      .expect(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  // Plain gravity here: the new-question floor has its own test (forum-hot-floor.test.ts).
  app = await startTestApp({
    env: { ...forumTestEnv, FORUM_UNANSWERED_WINDOW_DAYS: '30', FORUM_HOT_NEW_HOURS: '0' },
  });
  asker = await signIn(app, await createUser(app.ctx.db));
  replier = await signIn(app, await createUser(app.ctx.db));
  // A spread where points and age pull against each other.
  await craft(100, 72);
  await craft(40, 20);
  await craft(12, 3, 'mba');
  await craft(5, 1);
  await craft(2, 0.2, 'mba');
  await craft(1, 0.1);
  await craft(30, 24 * 10, 'mba');
  await craft(60, 24 * 40);
  await craft(8, 6);
  await craft(3, 2, 'mba');
});

describe('hot', () => {
  it('is HN gravity order, (points - 1) / (age_hours + 2)^1.8, across pages', async () => {
    const now = new Date();
    const expected = [...crafted]
      .sort(
        (a, b) =>
          hotScore(b.points, b.at, now) - hotScore(a.points, a.at, now) ||
          b.at.getTime() - a.at.getTime(),
      )
      .map((c) => c.id);
    const got = await all('sort=hot');
    expect(got.map((t) => t.id)).toEqual(expected);
    // Sanity of the formula on one pair: 12 points at 3 h beat 100 points at 3 days.
    expect(hotScore(12, hoursAgo(3), now)).toBeGreaterThan(hotScore(100, hoursAgo(72), now));
  });

  it('per tag', async () => {
    const got = await all('sort=hot&tag=mba', 2);
    expect(new Set(got.map((t) => t.id))).toEqual(
      new Set(crafted.filter((c) => c.tag === 'mba').map((c) => c.id)),
    );
    expect(got.every((t) => t.tags.includes('mba'))).toBe(true);
  });

  it('a vote updates the stored score, so the thread moves up at once', async () => {
    const quiet = crafted.find((c) => c.points === 1)!;
    const voters = await Promise.all(
      Array.from({ length: 3 }, async () => signIn(app, await createUser(app.ctx.db))),
    );
    for (const v of voters) await v.put(`/api/threads/${quiet.id}/vote`).expect(200);
    const got = await all('sort=hot', 20);
    expect(got[0]!.id).toBe(quiet.id);
    for (const v of voters) await v.delete(`/api/threads/${quiet.id}/vote`).expect(200);
  });
});

describe('new, top, unanswered', () => {
  it('new is newest first', async () => {
    const got = await all('sort=new');
    const expected = [...crafted].sort((a, b) => b.at.getTime() - a.at.getTime()).map((c) => c.id);
    expect(got.map((t) => t.id)).toEqual(expected);
  });

  it.each([
    ['day', 24],
    ['week', 24 * 7],
    ['month', 24 * 30],
    ['all', Infinity],
  ])('top %s: most points within the period', async (period, hours) => {
    const got = await all(`sort=top&period=${period}`);
    const expected = crafted
      .filter((c) => Date.now() - c.at.getTime() < hours * 3_600_000)
      .sort((a, b) => b.points - a.points)
      .map((c) => c.id);
    expect(got.map((t) => t.id)).toEqual(expected);
  });

  it('unanswered: no replies and nothing helpful, oldest first, inside the window', async () => {
    const answered = crafted.find((c) => c.points === 40)!;
    await postReply(replier, answered.id);
    const got = await all('sort=unanswered');
    const expected = crafted
      .filter((c) => c.id !== answered.id && Date.now() - c.at.getTime() < 30 * 24 * 3_600_000)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((c) => c.id);
    expect(got.map((t) => t.id)).toEqual(expected);
    expect(got.every((t) => t.replyCount === 0 && !t.answered)).toBe(true);
  });

  it('a cursor from one list is refused by another', async () => {
    const first = await anonymous(app).get('/api/threads?sort=new&limit=2').expect(200);
    const res = await anonymous(app)
      .get(`/api/threads?sort=hot&cursor=${first.body.nextCursor}`)
      .expect(400);
    expect(res.body.error.field).toBe('cursor');
  });
});
