import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEVICE_COOKIE, deviceKey, issueDeviceCookie } from '../../server/auth/device-cookie';
import { TEST_RUNNER_SESSION_SECRET } from '../../server/config';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, type TestUser } from '../helpers/auth';

let ipCounter = 10;
/** A fresh client address (the apps trust X-Forwarded-For here). */
const newIp = () => `203.0.113.${ipCounter++}`;

/** One sign-in attempt from `ip`, optionally presenting a device cookie (`sb.device=…`). */
function signInFrom(
  app: TestApp,
  ip: string,
  body: { login: string; password: string },
  cookie?: string,
) {
  const req = request(app.url).post('/api/auth/sign-in').set('X-Forwarded-For', ip);
  if (cookie) req.set('Cookie', cookie);
  return req.send(body);
}

/** The device cookie a successful sign-in set, as a `Cookie` header value. */
function deviceCookieFrom(res: { headers: Record<string, unknown> }): string {
  const list = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const found = list.find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  if (!found) throw new Error(`no device cookie in ${JSON.stringify(list)}`);
  return found.split(';')[0]!;
}

const WRONG = 'not the password';
/** What a 429 says, without the parts that differ per request (request id, minutes left). */
const gist = (res: { status: number; body: { error: Record<string, unknown> } }) => ({
  status: res.status,
  keys: Object.keys(res.body.error).sort(),
  code: res.body.error.code,
  message: String(res.body.error.message).replace(/\d+ (second|minute)s?/, 'N'),
});

const PER_LOGIN = 3;
const PER_DEVICE = 4;
const PER_IP = 8;

describe('sign-in limits: per login as typed, per device, per IP, shared across instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY lets each test come from its own client address (X-Forwarded-For).
    const env = {
      RATE_LIMIT_SIGNIN_PER_LOGIN: String(PER_LOGIN),
      RATE_LIMIT_SIGNIN_PER_DEVICE: String(PER_DEVICE),
      RATE_LIMIT_SIGNIN_PER_IP: String(PER_IP),
      TRUST_PROXY: 'true',
    };
    a = await startTestApp({ env });
    // A second app instance on the same database, as behind a load balancer.
    b = await startTestApp({ env, database: a.database });
  });

  /** A stranger spends the shared budget of `login` (from addresses of their own). */
  async function spend(login: string) {
    const ip = newIp();
    for (let i = 0; i < PER_LOGIN; i++)
      await signInFrom(i % 2 ? b : a, ip, { login, password: WRONG }).expect(401);
    await signInFrom(a, ip, { login, password: WRONG }).expect(429);
  }

  /** The member signs in once from their browser and keeps its device cookie. */
  async function browserOf(u: TestUser, ip = newIp()) {
    const res = await signInFrom(a, ip, { login: u.handle, password: u.password }).expect(200);
    return deviceCookieFrom(res);
  }

  it('answers an unknown account and a wrong password identically', async () => {
    const ip = newIp();
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
      const res = await signInFrom(a, ip, body);
      answers.push({ status: res.status, body: res.text, type: res.headers['content-type'] });
    }
    expect(answers[0]!.status).toBe(401);
    for (const other of answers.slice(1)) expect(other).toEqual(answers[0]);
    expect(JSON.parse(answers[0]!.body).error.message).toMatch(/do not match/);
    // The same account signs in with its real password: the refusals were about the password.
    await signInFrom(a, ip, { login: u.handle, password: u.password }).expect(200);
  });

  it('counts failures per login as typed across two instances: 429 with Retry-After', async () => {
    const ip = newIp();
    const u = await createUser(a.ctx.db, { handle: 'typed_login' });
    for (const [app, login] of [
      [a, 'typed_login'],
      [b, '@typed_login'],
      [a, '  Typed_Login '],
    ] as const)
      await signInFrom(app, ip, { login, password: WRONG }).expect(401);
    // The fourth, on the other instance, in yet another spelling of the same handle: the
    // variants share one counter, and the right password does not get past it.
    const res = await signInFrom(b, ip, { login: '@TYPED_LOGIN', password: u.password }).expect(
      429,
    );
    expect(res.body.error.code).toBe('rate_limited');
    expect(res.body.error.message).toMatch(
      /^Too many failed sign-in attempts for this email or handle\. Please try again in \d+ minutes?\. If it is yours, sign in from a browser you have signed in with before, or use "Forgot your password\?" to set a new one\.$/,
    );
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(res.body.error.retryAfter).toBe(retryAfter);
  });

  it("a spent handle does not tell a stranger which email is that account's", async () => {
    const u = await createUser(a.ctx.db, { handle: 'probe_target' });
    await spend(`@${u.handle}`);
    // The stranger now tries the account's own email and someone else's: the same answer.
    const ip = newIp();
    const own = await signInFrom(b, ip, { login: u.email, password: WRONG });
    const other = await signInFrom(b, ip, { login: 'someone.else@example.test', password: WRONG });
    expect(own.status).toBe(other.status);
    expect(own.status).toBe(401);
    expect(own.text).toBe(other.text);
    expect(Object.keys(own.body.error)).toEqual(Object.keys(other.body.error));
    // And the other way round: the email spent, the handle answers like any handle.
    const v = await createUser(a.ctx.db, { handle: 'probe_target2' });
    await spend(v.email);
    const ownHandle = await signInFrom(a, ip, { login: `@${v.handle}`, password: WRONG });
    const otherHandle = await signInFrom(a, ip, { login: '@probe_nobody', password: WRONG });
    expect([ownHandle.status, ownHandle.text]).toEqual([otherHandle.status, otherHandle.text]);
    // An unknown login, spent, answers exactly like a spent real one.
    await spend('@probe_ghost');
    const ghost = await signInFrom(b, newIp(), { login: 'probe_ghost', password: WRONG });
    const real = await signInFrom(b, newIp(), { login: u.handle, password: WRONG });
    expect(gist(ghost)).toEqual(gist(real));
    expect(ghost.status).toBe(429);
  });

  it('without a device cookie, strangers’ failures block that login for everyone (429)', async () => {
    const u = await createUser(a.ctx.db);
    await spend(u.handle);
    // The member, from a browser that never signed in, with the right password: refused.
    const res = await signInFrom(b, newIp(), { login: u.handle, password: u.password });
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/for this email or handle/);
    // The email was not touched: it is a login of its own.
    await signInFrom(b, newIp(), { login: u.email, password: u.password }).expect(200);
  });

  it('a member whose browser signed in before gets in while strangers have spent the budget', async () => {
    const u = await createUser(a.ctx.db);
    const memberIp = newIp();
    const first = await signInFrom(a, memberIp, { login: u.handle, password: u.password }).expect(
      200,
    );
    const setCookie = (first.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith(`${DEVICE_COOKIE}=`),
    )!;
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\/api\/auth\/sign-in/);
    expect(setCookie).toMatch(/; Max-Age=31536000/);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; see the HTTPS case below
    const cookie = deviceCookieFrom(first);
    await spend(u.handle);
    await spend(u.email);
    // Both logins are now 429 for anyone else, but this browser (on the other instance too,
    // by handle or by email) has its own budget.
    const byHandle = await signInFrom(
      b,
      memberIp,
      { login: u.handle, password: u.password },
      cookie,
    );
    expect(byHandle.status, JSON.stringify(byHandle.body)).toBe(200);
    expect(byHandle.body.viewer.id).toBe(u.id);
    const renewed = deviceCookieFrom(byHandle);
    expect(renewed).not.toBe(cookie); // a fresh nonce each time: a fresh budget
    await signInFrom(a, newIp(), { login: u.email, password: u.password }, renewed).expect(200);
    // The stranger is still held off.
    await signInFrom(a, newIp(), { login: u.handle, password: u.password }).expect(429);
  });

  it('a browser shared by two members keeps the device cookie of each', async () => {
    const first = await createUser(a.ctx.db);
    const second = await createUser(a.ctx.db);
    const ip = newIp();
    const one = deviceCookieFrom(
      await signInFrom(a, ip, { login: first.handle, password: first.password }).expect(200),
    );
    // The second member signs in on the same browser: it sends the first one's cookie along.
    const both = deviceCookieFrom(
      await signInFrom(b, ip, { login: second.email, password: second.password }, one).expect(200),
    );
    await spend(first.handle);
    await spend(second.handle);
    await signInFrom(a, ip, { login: first.handle, password: first.password }, both).expect(200);
    await signInFrom(b, ip, { login: second.handle, password: second.password }, both).expect(200);
  });

  it('a device cookie has a budget of its own, which does not touch the shared one', async () => {
    const u = await createUser(a.ctx.db);
    const ip = newIp();
    const cookie = await browserOf(u, ip);
    for (let i = 0; i < PER_DEVICE; i++)
      await signInFrom(i % 2 ? a : b, ip, { login: u.handle, password: WRONG }, cookie).expect(401);
    const res = await signInFrom(a, ip, { login: u.handle, password: u.password }, cookie);
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(
      /^Too many failed sign-in attempts from this browser\. Please try again in \d+ minutes?\. If you have forgotten your password, use "Forgot your password\?" to set a new one\.$/,
    );
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Four failures from that browser, yet the login's shared budget (3) is untouched.
    await signInFrom(b, newIp(), { login: u.handle, password: u.password }).expect(200);
  });

  it('a forged, tampered, foreign or expired device cookie gives no way past the limit', async () => {
    const victim = await createUser(a.ctx.db);
    const attacker = await createUser(a.ctx.db);
    const real = await browserOf(victim);
    const own = await browserOf(attacker); // the attacker's own, genuine cookie
    await spend(victim.handle);
    const value = real.slice(DEVICE_COOKIE.length + 1);
    const [v, , issued, nonce, mac] = value.split('.') as [string, string, string, string, string];
    const ownValue = own.slice(DEVICE_COOKIE.length + 1);
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const key = deviceKey(TEST_RUNNER_SESSION_SECRET);
    const forged = {
      garbage: `${DEVICE_COOKIE}=hello`,
      'another account (genuine)': own,
      'another account, re-labelled': `${DEVICE_COOKIE}=${ownValue.replace(attacker.id, victim.id)}`,
      'MAC altered': `${DEVICE_COOKIE}=${v}.${victim.id}.${issued}.${nonce}.${flip(mac)}`,
      'nonce altered': `${DEVICE_COOKIE}=${v}.${victim.id}.${issued}.${flip(nonce)}.${mac}`,
      'issued altered': `${DEVICE_COOKIE}=${v}.${victim.id}.${Number(issued) + 1}.${nonce}.${mac}`,
      'signed with another secret': `${DEVICE_COOKIE}=${issueDeviceCookie(deviceKey('x'.repeat(40)), victim.id)}`,
      'expired (issued 366 days ago)': `${DEVICE_COOKIE}=${issueDeviceCookie(key, victim.id, Date.now() - 366 * 86_400_000)}`,
    };
    const none = await signInFrom(b, newIp(), { login: victim.handle, password: victim.password });
    expect(none.status).toBe(429);
    for (const [what, cookie] of Object.entries(forged)) {
      const res = await signInFrom(
        b,
        newIp(),
        { login: victim.handle, password: victim.password },
        cookie,
      );
      expect({ what, ...gist(res) }).toEqual({ what, ...gist(none) });
    }
    // The genuine cookie, untouched, does get through: the refusals above were the forgery.
    await signInFrom(b, newIp(), { login: victim.handle, password: victim.password }, real).expect(
      200,
    );
  });

  it('marks the device cookie Secure when the request came over HTTPS', async () => {
    const u = await createUser(a.ctx.db);
    const res = await signInFrom(a, newIp(), { login: u.handle, password: u.password })
      .set('X-Forwarded-Proto', 'https')
      .expect(200);
    const setCookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith(`${DEVICE_COOKIE}=`),
    );
    expect(setCookie).toMatch(/; Secure/);
  });

  it('limits failed sign-ins per IP across instances, whatever the account', async () => {
    const ip = newIp();
    const member = await createUser(a.ctx.db);
    const spray = await createUser(a.ctx.db);
    const memberCookie = await browserOf(member, ip); // signed in from this network before
    const sprayCookie = await browserOf(spray); // the sprayer's own genuine device cookie
    // Fresh logins each time (so no per-login limit), until the IP limit (8) answers.
    const statuses: number[] = [];
    let res;
    for (let i = 0; i < PER_IP + 1; i++) {
      res = await signInFrom(i % 2 ? a : b, ip, { login: `spray_${i}`, password: WRONG });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(PER_IP).fill(401), 429]);
    expect(res!.body.error.message).toMatch(
      /^Too many failed sign-in attempts from your network\. Please try again in \d+ minutes?\. If you have signed in to your account from this browser before, that still works\.$/,
    );
    // A cookie for an account that is not the one tried does not lift the IP limit.
    await signInFrom(a, ip, { login: 'spray_x', password: WRONG }, sprayCookie).expect(429);
    // A real account from the same IP is refused too, even with the right password...
    const u = await createUser(a.ctx.db);
    await signInFrom(a, ip, { login: u.handle, password: u.password }).expect(429);
    // ...while the same account from another address signs in fine,
    await signInFrom(b, newIp(), { login: u.handle, password: u.password }).expect(200);
    // and a member whose browser signed in before is not held up by the network's sprayer.
    await signInFrom(
      b,
      ip,
      { login: member.handle, password: member.password },
      memberCookie,
    ).expect(200);
  });

  it('a burst of parallel guesses gets no more tries than the budget', async () => {
    const ip = newIp();
    const u = await createUser(a.ctx.db, { handle: 'burst_target' });
    // Twelve guesses at once on one instance, none answered before the others are checked:
    // the attempts in flight count, so exactly the budget gets through to the password check.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        signInFrom(a, ip, { login: 'burst_target', password: WRONG }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(PER_LOGIN).fill(401), ...Array(12 - PER_LOGIN).fill(429)]);
    await signInFrom(b, newIp(), { login: u.handle, password: u.password }).expect(429);
  });

  it('a successful sign-in writes no counter; a failed one is counted before its answer', async () => {
    const u = await createUser(a.ctx.db, { handle: 'quiet_success' });
    const rows = () =>
      a.ctx.db
        .selectFrom('rate_limits')
        .select(a.ctx.db.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
    const before = Number((await rows()).n);
    for (let i = 0; i < 3; i++)
      await signInFrom(a, newIp(), { login: u.handle, password: u.password }).expect(200);
    expect(Number((await rows()).n)).toBe(before);
    // One failure: both budgets (this network, this login) count it by the time the 401 arrives.
    await signInFrom(a, newIp(), { login: u.handle, password: WRONG }).expect(401);
    expect(Number((await rows()).n)).toBe(before + 2);
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
