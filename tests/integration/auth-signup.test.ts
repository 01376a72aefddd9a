import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

/** Follows a link from an email the way the client page does: token from the URL, POSTed. */
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('sign-up, email verification and password reset through real SMTP', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Switchboard <hello@sb.test>' },
    });
  });

  it('signs up, mails a working verification link, and the account becomes verified', async () => {
    const res = await anonymous(app)
      .post('/api/auth/sign-up')
      .send({
        email: 'New.Person@Example.test',
        handle: 'New_Person',
        displayName: '  Nova Person ',
        password: 'pässwörd with ümlauts',
      })
      .expect(202);
    expect(res.body.status).toBe('check_email');
    const mail = await smtp.waitFor((m) => m.to === 'new.person@example.test');
    expect(mail.from).toBe('hello@sb.test');
    expect(mail.subject).toMatch(/confirm your email/i);
    expect(mail.text).toContain('/verify-email?token=');
    const link = mail.links.find((l) => l.includes('/verify-email'))!;
    expect(link.startsWith(app.url)).toBe(true);
    expect(mail.text).toContain(link);
    expect(tokenOf(link)).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits

    // Signed in before verifying: allowed, with emailVerified false (the banner shows).
    const client = await signIn(app, { handle: 'new_person', password: 'pässwörd with ümlauts' });
    expect(client.viewer).toMatchObject({
      handle: 'new_person',
      displayName: 'Nova Person',
      emailVerified: false,
    });

    // The token is stored hashed only.
    const stored = await app.ctx.db.selectFrom('auth_tokens').select('token_hash').execute();
    expect(stored.map((r) => Buffer.from(r.token_hash).toString('base64url'))).not.toContain(
      tokenOf(link),
    );

    await client
      .post('/api/auth/verify-email')
      .send({ token: tokenOf(link) })
      .expect(200);
    const s = await client.get('/api/session').expect(200);
    expect(s.body.viewer.emailVerified).toBe(true);

    // Single use.
    const again = await anonymous(app)
      .post('/api/auth/verify-email')
      .send({ token: tokenOf(link) })
      .expect(400);
    expect(again.body.error).toMatchObject({ code: 'invalid_input', field: 'token' });
    expect(again.body.error.message).toMatch(/expired or was already used/);
  });

  it('accepts the password as typed in another Unicode normal form', async () => {
    const nfd = 'pässwörd with ümlauts'.normalize('NFD');
    await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: 'new_person', password: nfd })
      .expect(200);
  });

  it('answers a sign-up with a registered email exactly like a new one, and mails the owner', async () => {
    const owner = await createUser(app.ctx.db, { email: 'taken@example.test' });
    const fresh = await anonymous(app)
      .post('/api/auth/sign-up')
      .send({
        email: 'free@example.test',
        handle: 'free_one',
        displayName: 'Free',
        password: 'long enough password',
      })
      .expect(202);
    const taken = await anonymous(app)
      .post('/api/auth/sign-up')
      .send({
        email: 'TAKEN@example.test',
        handle: 'other_one',
        displayName: 'Other',
        password: 'long enough password',
      })
      .expect(202);
    expect(taken.body.status).toBe(fresh.body.status);
    expect(taken.body.message.replace('taken@', 'X@')).toBe(
      fresh.body.message.replace('free@', 'X@'),
    );
    const notice = await smtp.waitFor((m) => m.to === owner.email);
    expect(notice.subject).toMatch(/already have/i);
    // No second account was made.
    const rows = await app.ctx.db
      .selectFrom('users')
      .select('id')
      .where('handle', '=', 'other_one')
      .execute();
    expect(rows).toEqual([]);
  });

  it('says which field is wrong, and that a handle is taken (handles are public)', async () => {
    await createUser(app.ctx.db, { handle: 'maya_x' });
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ handle: 'MAYA_X' }, 409, 'handle', /already taken/],
      [{ handle: 'ab' }, 400, 'handle', /3–30/],
      [{ handle: 'has space' }, 400, 'handle', /a–z/],
      [{ email: 'not-an-email' }, 400, 'email', /email address/],
      [{ password: 'short' }, 400, 'password', /12–128/],
      [{ password: '🔑'.repeat(129) }, 400, 'password', /12–128/],
      [{ displayName: '   ' }, 400, 'displayName', /required/],
      [{ email: undefined }, 400, 'email', /required/],
    ];
    for (const [patch, status, field, message] of cases) {
      const res = await anonymous(app)
        .post('/api/auth/sign-up')
        .send({
          email: 'x@example.test',
          handle: 'valid_handle',
          displayName: 'X',
          password: 'twelve chars ok',
          ...patch,
        });
      expect(res.status, JSON.stringify(patch)).toBe(status);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(message);
    }
    // 128 emoji are 128 characters: accepted.
    await anonymous(app)
      .post('/api/auth/sign-up')
      .send({
        email: 'emoji@example.test',
        handle: 'emoji_pw',
        displayName: 'E',
        password: '🔑'.repeat(128),
      })
      .expect(202);
  });

  it('refuses a 1 MB password with a 400 before any hashing', async () => {
    const huge = 'a'.repeat(1024 * 1024);
    for (const [path, body] of [
      ['/api/auth/sign-in', { login: 'someone', password: huge }],
      [
        '/api/auth/sign-up',
        { email: 'big@example.test', handle: 'big_pw', displayName: 'B', password: huge },
      ],
    ] as const) {
      const started = performance.now();
      const res = await request(app.url).post(path).send(body);
      const ms = performance.now() - started;
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input', field: 'password' });
      expect(res.body.error.message).toBe('password: must be 12–128 characters');
      // Generous bound (shared CI machine); hashing 1 MB would be far slower.
      expect(ms).toBeLessThan(1500);
    }
  });

  it('resets a password by email link; the reset ends every other session', async () => {
    const u = await createUser(app.ctx.db, { email: 'forgetful@example.test' });
    const laptop = await signIn(app, u);
    const phone = await signIn(app, u);

    const res = await anonymous(app)
      .post('/api/auth/password-reset')
      .send({ email: 'Forgetful@example.test' })
      .expect(202);
    const unknown = await anonymous(app)
      .post('/api/auth/password-reset')
      .send({ email: 'nobody@example.test' })
      .expect(202);
    expect(unknown.body.message.replace('nobody@', 'X@')).toBe(
      res.body.message.replace('forgetful@', 'X@'),
    );

    const mail = await smtp.waitFor((m) => m.to === u.email && /reset/i.test(m.subject));
    const link = mail.links.find((l) => l.includes('/reset-password'))!;
    expect(link.startsWith(app.url + '/reset-password?token=')).toBe(true);

    // From the phone (signed in), so the phone's own session survives and the laptop's ends.
    await phone
      .post('/api/auth/password-reset/confirm')
      .send({ token: tokenOf(link), password: 'a brand new passphrase' })
      .expect(200);
    expect((await laptop.get('/api/session')).body.viewer).toBeNull();
    expect((await phone.get('/api/session')).body.viewer.id).toBe(u.id);

    await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: u.handle, password: u.password })
      .expect(401);
    await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: u.handle, password: 'a brand new passphrase' })
      .expect(200);
    const reuse = await anonymous(app)
      .post('/api/auth/password-reset/confirm')
      .send({ token: tokenOf(link), password: 'yet another passphrase' })
      .expect(400);
    expect(reuse.body.error.field).toBe('token');
    // Only one mail went out: nothing for the unknown address.
    expect(smtp.messages.filter((m) => m.to === 'nobody@example.test')).toEqual([]);
  });

  it('expires reset links after an hour', async () => {
    const u = await createUser(app.ctx.db, { email: 'late@example.test' });
    await anonymous(app).post('/api/auth/password-reset').send({ email: u.email }).expect(202);
    const mail = await smtp.waitFor((m) => m.to === u.email);
    await app.ctx.db
      .updateTable('auth_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', u.id)
      .execute();
    const res = await anonymous(app)
      .post('/api/auth/password-reset/confirm')
      .send({ token: tokenOf(mail.links[0]!), password: 'too late passphrase' })
      .expect(400);
    expect(res.body.error.message).toMatch(/expired/);
  });
});
