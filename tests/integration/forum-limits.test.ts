import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { hoursAgo, postReply, postThread, setUserCreatedAt } from './forum-helpers';

let app: TestApp;
let newcomer: Client;
let regular: Client;

beforeAll(async () => {
  app = await startTestApp({
    env: {
      FORUM_POSTS_PER_HOUR: '4',
      FORUM_POSTS_PER_HOUR_NEW: '2',
      FORUM_NEW_ACCOUNT_HOURS: '24',
    },
  });
  newcomer = await signIn(app, await createUser(app.ctx.db));
  const old = await createUser(app.ctx.db);
  await setUserCreatedAt(app.ctx.db, old.id, hoursAgo(48));
  regular = await signIn(app, old);
});

describe('posting rate limits', () => {
  it('accounts younger than a day get the stricter limit, with a 429 that explains', async () => {
    const t = await postThread(newcomer);
    const r = await postReply(newcomer, t.thread.id);
    const res = await newcomer
      .post(`/api/threads/${t.thread.id}/replies`)
      .send({ id: randomUUID(), body: 'third post in a row' })
      .expect(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(res.body.error.message).toMatch(/New accounts can post 2 times per hour/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // A retry of something already posted is not a new post: it still answers.
    await newcomer
      .post(`/api/threads/${t.thread.id}/replies`)
      .send({ id: r.id, body: r.bodyHtml })
      .expect(200);
  });

  it('older accounts get the normal limit', async () => {
    const t = await postThread(regular);
    for (let i = 0; i < 3; i++) await postReply(regular, t.thread.id);
    const res = await regular
      .post('/api/threads')
      .send({ id: randomUUID(), title: 'One question too many', body: 'b', tags: ['mba'] })
      .expect(429);
    expect(res.body.error.message).toMatch(/You can post 4 times per hour/);
  });

  it('parallel submits cannot slip past the limit', async () => {
    const u = await createUser(app.ctx.db);
    const c = await signIn(app, u);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        c.post('/api/threads').send({
          id: randomUUID(),
          title: `Parallel question number ${i}`,
          body: `parallel body ${i}`,
          tags: ['mba'],
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 429)).toHaveLength(4);
  });
});
