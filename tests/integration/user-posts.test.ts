import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../shared/api/threads';
import type { UserQuestion, UserReply } from '../../shared/api/user-posts';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type TestUser } from '../helpers/auth';
import { apiReply, apiThread } from '../e2e/forum-helpers';

let app: TestApp;
let ana: TestUser;
const titles: string[] = [];
const replyIds: string[] = [];
let hiddenThreadId: string;

beforeAll(async () => {
  app = await startTestApp();
  ana = await createUser(app.ctx.db, { handle: 'ana_writes' });
  const other = await createUser(app.ctx.db);
  // Old enough accounts: a first-day member may post only five times an hour.
  await app.ctx.db
    .updateTable('users')
    .set({ created_at: new Date(Date.now() - 30 * 86_400_000) })
    .execute();
  const anaClient = await signIn(app, ana);
  const otherClient = await signIn(app, other);
  for (let i = 1; i <= 5; i++) {
    const t = await apiThread(anaClient, `Ana's question number ${i} about product work`);
    titles.push(t.title);
  }
  const theirs = await apiThread(otherClient, 'Someone else asks about PM interviews');
  for (let i = 1; i <= 3; i++)
    replyIds.push((await apiReply(anaClient, theirs.id, `Ana answers, take ${i}.`)).id);
  await apiReply(otherClient, theirs.id, 'Not by Ana.');
  // A deleted question and a hidden one are not listed (as the profile counts skip them).
  const gone = await apiThread(anaClient, 'A question Ana deleted again later');
  await app.ctx.db
    .updateTable('threads')
    .set({ deleted_at: new Date() })
    .where('id', '=', gone.id)
    .execute();
  const hidden = await apiThread(anaClient, 'A question a moderator hid from view');
  hiddenThreadId = hidden.id;
  await app.ctx.db
    .updateTable('threads')
    .set({ hidden_at: new Date() })
    .where('id', '=', hidden.id)
    .execute();
});

async function all<T>(path: string, limit: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const res = await request(app.url)
      .get(`${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      .expect(200);
    const page = res.body as Page<T>;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
  }
  return out;
}

describe("a person's questions and replies", () => {
  it('lists their questions newest first, page by page, without deleted or hidden ones', async () => {
    const items = await all<UserQuestion>('/api/users/ANA_WRITES/questions', 2);
    expect(items.map((q) => q.title)).toEqual([...titles].reverse());
    expect(items.map((q) => q.id)).not.toContain(hiddenThreadId);
    expect(items[0]!.url).toBe(`/q/${items[0]!.id}`);
    const profile = await request(app.url).get('/api/users/ana_writes').expect(200);
    expect(profile.body.user.threadCount).toBe(items.length);
  });

  it('lists their replies with the question each answers', async () => {
    const items = await all<UserReply>('/api/users/ana_writes/replies', 2);
    expect(items.map((r) => r.id)).toEqual([...replyIds].reverse());
    expect(items[0]).toMatchObject({
      excerpt: 'Ana answers, take 3.',
      thread: { title: 'Someone else asks about PM interviews' },
    });
    expect(items[0]!.url).toBe(`/q/${items[0]!.thread.id}/r/${items[0]!.id}`);
    expect(JSON.stringify(items)).not.toContain('@example.test');
  });

  it('answers bad input with a 400 naming the field, and unknown people with a 404', async () => {
    const bad = await request(app.url).get('/api/users/ana_writes/questions?limit=500').expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', field: 'limit' });
    const forged = await request(app.url)
      .get('/api/users/ana_writes/replies?cursor=bm90LWEtY3Vyc29y')
      .expect(400);
    expect(forged.body.error.field).toBe('cursor');
    await request(app.url).get('/api/users/nobody_here/questions').expect(404);
  });
});
