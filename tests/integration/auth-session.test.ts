import { sql } from 'kysely';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, sessionCookieFrom, signIn } from '../helpers/auth';

describe('sign-in, sessions and CSRF', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });

  const sessionRows = async () =>
    Number(
      (
        await app.ctx.db
          .selectFrom('session')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes no session row for anonymous readers', async () => {
    const before = await sessionRows();
    const s = await request(app.url).get('/api/session').expect(200);
    expect(s.body).toEqual({ viewer: null, csrfToken: null });
    expect(s.headers['set-cookie']).toBeUndefined();
    await request(app.url).get('/api/threads').expect(200);
    expect(await sessionRows()).toBe(before);
  });

  it('signs in by handle or email (any case) and shows the viewer', async () => {
    const u = await createUser(app.ctx.db, { handle: 'case_test' });
    for (const login of ['CASE_TEST', u.email.toUpperCase()]) {
      const res = await anonymous(app)
        .post('/api/auth/sign-in')
        .send({ login, password: u.password })
        .expect(200);
      expect(res.body.viewer).toMatchObject({ id: u.id, handle: 'case_test', emailVerified: true });
      expect(res.body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i); // plain http in tests
    }
    const client = await signIn(app, u);
    const s = await client.get('/api/session').expect(200);
    expect(s.body.viewer.id).toBe(u.id);
    expect(s.body.csrfToken).toBe(client.csrfToken);
    expect(JSON.stringify(s.body)).not.toContain(u.email);
  });

  it('changes the session id at sign-in and rejects the old id afterwards', async () => {
    const a = await createUser(app.ctx.db);
    const b = await createUser(app.ctx.db);
    const first = await signIn(app, a);
    // Sign in again (as someone else) on the same agent: the cookie must change.
    const res = await first
      .post('/api/auth/sign-in')
      .send({ login: b.handle, password: b.password })
      .expect(200);
    const second = sessionCookieFrom(res.headers['set-cookie']);
    expect(second).not.toBe(first.cookie);
    const old = await request(app.url).get('/api/session').set('Cookie', first.cookie).expect(200);
    expect(old.body.viewer).toBeNull();
    const now = await request(app.url).get('/api/session').set('Cookie', second).expect(200);
    expect(now.body.viewer.id).toBe(b.id);
  });

  it('sign-out destroys the session', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    await client.post('/api/auth/sign-out').expect(204);
    const after = await request(app.url).get('/api/session').set('Cookie', client.cookie);
    expect(after.body.viewer).toBeNull();
    const rows = await app.ctx.db
      .selectFrom('session')
      .where('user_id', '=', u.id)
      .selectAll()
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses a cross-site POST that carries a valid cookie (403)', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    for (const headers of [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null' },
    ]) {
      const res = await request(app.url)
        .post('/api/auth/sign-out')
        .set('Cookie', client.cookie)
        .set('X-CSRF-Token', client.csrfToken)
        .set(headers)
        .expect(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    // Same origin but no token: also 403, and the session survives all of it.
    const noToken = await request(app.url)
      .post('/api/auth/sign-out')
      .set('Cookie', client.cookie)
      .set('Origin', app.url)
      .expect(403);
    expect(noToken.body.error.message).toMatch(/security token/);
    const wrong = await request(app.url)
      .post('/api/auth/sign-out')
      .set('Cookie', client.cookie)
      .set('X-CSRF-Token', 'f'.repeat(64))
      .expect(403);
    expect(wrong.body.error.code).toBe('forbidden');
    const still = await client.get('/api/session').expect(200);
    expect(still.body.viewer.id).toBe(u.id);
  });

  it('refuses login CSRF: a cross-site sign-in is 403 even without a cookie', async () => {
    const u = await createUser(app.ctx.db);
    await request(app.url)
      .post('/api/auth/sign-in')
      .set('Origin', 'https://evil.example')
      .send({ login: u.handle, password: u.password })
      .expect(403);
  });

  /** Moves a stored session's clock back, as if time had passed. */
  const age = (userId: string, field: 'lastSeenAt' | 'createdAt', seconds: number) =>
    sql`UPDATE session SET sess = jsonb_set(sess, ${`{meta,${field}}`}::text[],
          to_jsonb((sess->'meta'->>${field})::bigint - ${seconds * 1000}))
        WHERE user_id = ${userId}`.execute(app.ctx.db);

  it('ends a session after the idle timeout', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    await age(u.id, 'lastSeenAt', app.ctx.config.SESSION_IDLE_SECONDS - 30);
    expect((await client.get('/api/session')).body.viewer.id).toBe(u.id); // still inside: renewed
    await age(u.id, 'lastSeenAt', app.ctx.config.SESSION_IDLE_SECONDS + 1);
    expect((await client.get('/api/session')).body.viewer).toBeNull();
    expect(
      await app.ctx.db.selectFrom('session').where('user_id', '=', u.id).selectAll().execute(),
    ).toEqual([]);
  });

  it('ends a session after the absolute timeout, however active', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    await age(u.id, 'createdAt', app.ctx.config.SESSION_ABSOLUTE_SECONDS + 1);
    expect((await client.get('/api/session')).body.viewer).toBeNull();
  });

  it('records activity at most once a minute (no write per request)', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    const seen = async () =>
      (
        await app.ctx.db
          .selectFrom('session')
          .select('sess')
          .where('user_id', '=', u.id)
          .executeTakeFirstOrThrow()
      ).sess as { meta: { lastSeenAt: number } };
    const first = (await seen()).meta.lastSeenAt;
    for (let i = 0; i < 3; i++) await client.get('/api/session').expect(200);
    expect((await seen()).meta.lastSeenAt).toBe(first);
    await age(u.id, 'lastSeenAt', 61);
    await client.get('/api/session').expect(200);
    expect((await seen()).meta.lastSeenAt).toBeGreaterThan(first - 61_000);
  });

  it('signs out a user whose account was deleted meanwhile', async () => {
    const u = await createUser(app.ctx.db);
    const client = await signIn(app, u);
    await app.ctx.db
      .updateTable('users')
      .set({ deleted_at: new Date() })
      .where('id', '=', u.id)
      .execute();
    expect((await client.get('/api/session')).body.viewer).toBeNull();
  });
});
