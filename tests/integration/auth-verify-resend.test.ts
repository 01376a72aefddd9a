import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

describe('POST /api/auth/verify-email/resend', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await startTestApp({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Switchboard <hello@sb.test>' },
    });
  });

  it('needs a signed-in member', async () => {
    const res = await anonymous(app).post('/api/auth/verify-email/resend').send({});
    expect(res.status).toBe(401);
  });

  it('mails a fresh link that confirms the address; once confirmed, says so and mails nothing', async () => {
    const user = await createUser(app.ctx.db, { emailVerified: false });
    const client = await signIn(app, user);
    expect(client.viewer.emailVerified).toBe(false);

    const res = await client.post('/api/auth/verify-email/resend').send({}).expect(202);
    expect(res.body.message).toMatch(/new confirmation link/i);
    const mail = await smtp.waitFor((m) => m.to === user.email);
    const link = mail.links.find((l) => l.includes('/verify-email'))!;
    expect(link).toBeTruthy();
    await client
      .post('/api/auth/verify-email')
      .send({ token: tokenOf(link) })
      .expect(200);
    expect((await client.get('/api/session').expect(200)).body.viewer.emailVerified).toBe(true);

    const again = await client.post('/api/auth/verify-email/resend').send({}).expect(200);
    expect(again.body.message).toMatch(/already confirmed/i);
    // Mail is a job enqueued with the request's change: the second resend enqueued none.
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pgboss.job
      WHERE name = 'mail.send' AND data->'ids'->>'userId' = ${user.id}`.execute(app.ctx.db);
    expect(rows[0]!.n).toBe(1);
    expect(smtp.messages.filter((m) => m.to === user.email)).toHaveLength(1);
  });

  it('is limited per member with a message that says what and when', async () => {
    const user = await createUser(app.ctx.db, { emailVerified: false });
    const client = await signIn(app, user);
    for (let i = 0; i < 5; i++)
      await client.post('/api/auth/verify-email/resend').send({}).expect(202);
    const res = await client.post('/api/auth/verify-email/resend').send({});
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('rate_limited');
    expect(res.body.error.message).toMatch(/verification emails/i);
  });
});
