import { sql } from 'kysely';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { RequestItem } from '../../shared/api/mentorships';
import type { Db } from '../../server/db';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn } from '../helpers/auth';
import { createTestDatabase } from '../helpers/db';
import { startSmtp } from '../helpers/smtp';
import { createMentor, goodMessage } from './mentorship-fixtures';

/** Every email is a pg-boss job enqueued in the transaction of its change (server/mail/outbox.ts). */

const mailJobs = (db: Db, template: string) =>
  sql<{ state: string; retry_count: number }>`
    SELECT state, retry_count FROM pgboss.job
    WHERE name = 'mail.send' AND data->>'template' = ${template}`
    .execute(db)
    .then((r) => r.rows);

async function requestMentorship(app: TestApp) {
  const mentorUser = await createMentor(app.ctx.db, {}, { displayName: 'Priya Mentor' });
  const askerUser = await createUser(app.ctx.db, { displayName: 'Maya Asker' });
  const asker = await signIn(app, askerUser);
  const mentor = await signIn(app, mentorUser);
  const req = (
    await asker
      .post('/api/mentorship-requests')
      .send({ mentor: mentorUser.handle, message: goodMessage })
      .expect(201)
  ).body as RequestItem;
  return { mentor, askerUser, req };
}

describe('durable email', () => {
  it('a rolled-back mentorship acceptance sends nothing; the one that commits sends once', async () => {
    const smtp = await startSmtp();
    const app = await startTestApp({ env: { SMTP_URL: smtp.url } });
    const { mentor, askerUser, req } = await requestMentorship(app);
    // The acceptance fails after its email job was enqueued (a failure late in the transaction).
    await sql`CREATE FUNCTION fail_accept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.kind = 'accepted' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`.execute(
      app.ctx.db,
    );
    await sql`CREATE TRIGGER fail_accept BEFORE INSERT ON mentorship_events
      FOR EACH ROW EXECUTE FUNCTION fail_accept()`.execute(app.ctx.db);
    await mentor.post(`/api/mentorship-requests/${req.id}/accept`).expect(500);
    expect(await mailJobs(app.ctx.db, 'mentorship_accepted')).toEqual([]);

    await sql`DROP TRIGGER fail_accept ON mentorship_events`.execute(app.ctx.db);
    await mentor.post(`/api/mentorship-requests/${req.id}/accept`).expect(200);
    const mail = await smtp.waitFor((m) => m.to === askerUser.email);
    expect(mail.subject).toBe('Priya Mentor accepted your mentorship request');
    expect(String(mail.headers.get('message-id'))).toMatch(/^<[0-9a-f-]{36}@switchboard\.local>$/);
    await expect
      .poll(async () => (await mailJobs(app.ctx.db, 'mentorship_accepted')).map((j) => j.state))
      .toEqual(['completed']);
    expect(smtp.messages.filter((m) => m.to === askerUser.email)).toHaveLength(1);
  });

  it('an email committed by a process that stops before sending is sent after restart', async () => {
    const smtp = await startSmtp();
    const database = await createTestDatabase();
    // The first process enqueues but never sends (no workers), then goes away.
    const first = await startTestApp({ database, jobs: false, env: { SMTP_URL: smtp.url } });
    const { mentor, askerUser, req } = await requestMentorship(first);
    await mentor.post(`/api/mentorship-requests/${req.id}/accept`).expect(200);
    await first.close();
    expect(smtp.messages).toEqual([]);

    const second = await startTestApp({ database, env: { SMTP_URL: smtp.url } });
    const mail = await smtp.waitFor((m) => m.to === askerUser.email);
    expect(mail.subject).toBe('Priya Mentor accepted your mentorship request');
    await second.close();
    await database.destroy();
  });

  it('SMTP down for a while, then up: the email arrives once', async () => {
    const probe = await startSmtp();
    const port = Number(new URL(probe.url).port);
    await probe.close(); // nothing listens there now: connection refused
    const app = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    const user = await createUser(app.ctx.db);
    await anonymous(app).post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    // It is retried (not lost) while the server is down…
    await expect
      .poll(async () => (await mailJobs(app.ctx.db, 'reset_password'))[0]?.retry_count ?? 0, {
        timeout: 15_000,
      })
      .toBeGreaterThanOrEqual(1);
    // …and delivered once when it comes back.
    const smtp = await startSmtp({ port });
    const mail = await smtp.waitFor((m) => m.to === user.email, 15_000);
    expect(mail.subject).toBe('Reset your Switchboard password');
    await expect
      .poll(async () => (await mailJobs(app.ctx.db, 'reset_password')).map((j) => j.state), {
        timeout: 10_000,
      })
      .toEqual(['completed']);
    expect(smtp.messages.filter((m) => m.to === user.email)).toHaveLength(1);
  });

  it('a 550 is recorded as failed with the server’s reason and not retried; the admin page shows it', async () => {
    const smtp = await startSmtp({
      reject: (to) =>
        to.startsWith('gone') ? { code: 550, message: 'No such user here' } : undefined,
    });
    const app = await startTestApp({ env: { SMTP_URL: smtp.url } });
    const user = await createUser(app.ctx.db, { handle: 'gone_user', email: 'gone@example.test' });
    await anonymous(app).post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    await expect
      .poll(() =>
        app.ctx.db
          .selectFrom('email_deliveries')
          .select(['status', 'reason', 'to_address'])
          .where('template', '=', 'reset_password')
          .execute(),
      )
      .toEqual([
        {
          status: 'failed',
          reason: expect.stringContaining('No such user here'),
          to_address: user.email,
        },
      ]);
    const [job] = await mailJobs(app.ctx.db, 'reset_password');
    expect(job).toEqual({ state: 'completed', retry_count: 0 });

    const admin = await signIn(app, await createUser(app.ctx.db, { role: 'admin' }));
    const page = await admin.get('/api/admin/email').expect(200);
    expect(page.body.last24h).toMatchObject({ failed: 1 });
    expect(page.body.failures[0]).toMatchObject({
      template: 'reset_password',
      reason: expect.stringContaining('550'),
    });
    const member = await signIn(app, await createUser(app.ctx.db));
    await member.get('/api/admin/email').expect(403);
    await request(app.url).get('/api/admin/email').expect(401);
  });
});
