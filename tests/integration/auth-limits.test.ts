import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser } from '../helpers/auth';

let ipCounter = 10;
/** A fresh client address for one test (the apps trust X-Forwarded-For here). */
function clientAt() {
  const ip = `203.0.113.${ipCounter++}`;
  return (app: TestApp) => ({
    post: (path: string) => request(app.url).post(path).set('X-Forwarded-For', ip),
  });
}

describe('no account enumeration, and rate limits shared across instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY lets each test come from its own client address (X-Forwarded-For).
    const env = {
      RATE_LIMIT_SIGNIN_PER_ACCOUNT: '3',
      RATE_LIMIT_SIGNIN_PER_IP: '8',
      TRUST_PROXY: 'true',
    };
    a = await startTestApp({ env });
    // A second app instance on the same database, as behind a load balancer.
    b = await startTestApp({ env, database: a.database });
  });

  it('answers an unknown account and a wrong password identically', async () => {
    const from = clientAt();
    const u = await createUser(a.ctx.db, { handle: 'enum_target' });
    const deleted = await createUser(a.ctx.db, { handle: 'enum_gone' });
    await a.ctx.db
      .updateTable('users')
      .set({ deleted_at: new Date() })
      .where('id', '=', deleted.id)
      .execute();
    const attempts = [
      { login: 'enum_target', password: 'wrong password here' },
      { login: 'no_such_person', password: 'wrong password here' },
      { login: 'nobody@example.test', password: 'wrong password here' },
      { login: 'enum_gone', password: deleted.password },
    ];
    const answers = [];
    for (const body of attempts) {
      const res = await from(a).post('/api/auth/sign-in').send(body);
      answers.push({ status: res.status, body: res.text, type: res.headers['content-type'] });
    }
    expect(answers[0]!.status).toBe(401);
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
    expect(JSON.parse(answers[0]!.body).error.message).toMatch(/do not match/);
    // The same account signs in with its real password: the refusals were about the password.
    expect(
      (await from(a).post('/api/auth/sign-in').send({ login: u.handle, password: u.password }))
        .status,
    ).toBe(200);
  });

  it('limits failed sign-ins per account across two instances: 429 with Retry-After', async () => {
    const from = clientAt();
    const u = await createUser(a.ctx.db);
    const apps = [a, b, a];
    for (const app of apps)
      await from(app)
        .post('/api/auth/sign-in')
        .send({ login: u.handle, password: 'not the password' })
        .expect(401);
    // The fourth attempt, on the other instance, by email this time (same account counter).
    const res = await from(b)
      .post('/api/auth/sign-in')
      .send({ login: u.email, password: u.password })
      .expect(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(res.body.error.message).toMatch(
      /^Too many failed sign-in attempts for this account\. Please try again in \d+ minutes?\.$/,
    );
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(res.body.error.retryAfter).toBe(retryAfter);
  });

  it('gives an unknown account the same limit and answer as a real one', async () => {
    const from = clientAt();
    for (let i = 0; i < 3; i++)
      await from(a)
        .post('/api/auth/sign-in')
        .send({ login: 'ghost_user', password: 'not the password' })
        .expect(401);
    const res = await from(b)
      .post('/api/auth/sign-in')
      .send({ login: 'ghost_user', password: 'x'.repeat(12) })
      .expect(429);
    expect(res.body.error.message).toMatch(/for this account/);
  });

  it('limits failed sign-ins per IP across instances, whatever the account', async () => {
    const from = clientAt();
    // Fresh accounts each time (so no per-account limit), until the IP limit (8) answers.
    const statuses: number[] = [];
    let res;
    for (let i = 0; i < 9; i++) {
      res = await from(i % 2 ? a : b)
        .post('/api/auth/sign-in')
        .send({ login: `spray_${i}`, password: 'not the password' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(8).fill(401), 429]);
    expect(res!.body.error.message).toMatch(/from your network/);
    // A real account from the same IP is refused too, even with the right password...
    const u = await createUser(a.ctx.db);
    await from(a)
      .post('/api/auth/sign-in')
      .send({ login: u.handle, password: u.password })
      .expect(429);
    // ...while the same account from another address signs in fine.
    await clientAt()(b)
      .post('/api/auth/sign-in')
      .send({ login: u.handle, password: u.password })
      .expect(200);
  });

  it('limits sign-ups per IP across instances', async () => {
    const c = await startTestApp({ env: { RATE_LIMIT_SIGNUP_PER_IP: '2' } });
    const d = await startTestApp({ env: { RATE_LIMIT_SIGNUP_PER_IP: '2' }, database: c.database });
    const signUp = (app: TestApp, n: number) =>
      request(app.url)
        .post('/api/auth/sign-up')
        .send({
          email: `s${n}@example.test`,
          handle: `signup_${n}`,
          displayName: 'S',
          password: 'long enough password',
        });
    await signUp(c, 1).expect(202);
    await signUp(d, 2).expect(202);
    const res = await signUp(c, 3).expect(429);
    expect(res.body.error.message).toMatch(
      /^Too many sign-ups from your network\. Please try again in \d+ (minutes?|hours?)\.$/,
    );
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await d.close();
    await c.close();
  });

  it('limits password reset requests per IP', async () => {
    const c = await startTestApp({ env: { RATE_LIMIT_RESET_PER_IP: '2' } });
    for (let i = 0; i < 2; i++)
      await request(c.url)
        .post('/api/auth/password-reset')
        .send({ email: `r${i}@example.test` })
        .expect(202);
    const res = await request(c.url)
      .post('/api/auth/password-reset')
      .send({ email: 'r9@example.test' })
      .expect(429);
    expect(res.body.error.message).toMatch(/password reset requests/);
    await c.close();
  });
});
