import { sql } from 'kysely';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EmailAdminPage } from '../../shared/api/email-admin';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn } from '../helpers/auth';
import { eventually } from '../helpers/cluster';
import { startSmtp, type TestSmtp } from '../helpers/smtp';

/**
 * The admin email page's API with deliveries made the real way: password-reset requests become
 * mail jobs, the worker sends them to a real SMTP server, which refuses some mailboxes with 550.
 */
describe('GET /api/admin/email', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const gone = ['gone.one@example.test', 'gone.two@example.test', 'gone.three@example.test'];
  const fine = ['fine.one@example.test', 'fine.two@example.test'];

  beforeAll(async () => {
    smtp = await startSmtp({
      reject: (to) =>
        to.startsWith('gone')
          ? { code: 550, message: `5.1.1 <${to}>: Recipient address rejected` }
          : undefined,
    });
    app = await startTestApp({ env: { SMTP_URL: smtp.url } });
    admin = await signIn(app, await createUser(app.ctx.db, { role: 'admin' }));
    for (const email of [...gone, ...fine]) await createUser(app.ctx.db, { email });
    // One at a time, so the failures have a known order (newest first on the page).
    const emails = [...gone, ...fine, 'nobody@example.test'];
    for (const [i, email] of emails.entries()) {
      await anonymous(app).post('/api/auth/password-reset').send({ email }).expect(202);
      await eventually(async () => {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM email_deliveries`.execute(
          app.ctx.db,
        );
        expect(r.rows[0]!.n).toBe(i + 1);
      }, 15_000);
    }
  });

  it('counts sent / failed / skipped for the last 24 h and lists failures newest first, masked', async () => {
    const page = (await admin.get('/api/admin/email').expect(200)).body as EmailAdminPage;
    expect(page.last24h).toEqual({ sent: 2, failed: 3, skipped: 1 });
    expect(page.retrying).toBe(0);
    expect(page.nextCursor).toBeNull();
    expect(page.failures.map((f) => f.to)).toEqual([
      'g***@example.test',
      'g***@example.test',
      'g***@example.test',
    ]);
    for (const f of page.failures) {
      expect(f.template).toBe('reset_password');
      expect(f.reason).toMatch(/^550 5\.1\.1 <g\*\*\*@example\.test>: Recipient address rejected/);
      expect(Date.now() - Date.parse(f.at)).toBeLessThan(5 * 60_000);
    }
    // No address leaves the server whole, in any field.
    const body = JSON.stringify(page);
    for (const email of gone) expect(body).not.toContain(email);
    // The two that were accepted arrived.
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([...fine].sort());
  });

  it('pages through the failures with a cursor, none twice, none skipped', async () => {
    const first = (await admin.get('/api/admin/email?limit=2').expect(200)).body as EmailAdminPage;
    expect(first.failures).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await admin
        .get(`/api/admin/email?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`)
        .expect(200)
    ).body as EmailAdminPage;
    expect(second.failures).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = (await admin.get('/api/admin/email').expect(200)).body as EmailAdminPage;
    expect([...first.failures, ...second.failures].map((f) => f.id)).toEqual(
      all.failures.map((f) => f.id),
    );

    const forged = await admin.get('/api/admin/email?cursor=bm90LWEtY3Vyc29y').expect(400);
    expect(forged.body.error).toMatchObject({ code: 'invalid_input', field: 'cursor' });
    const tooMany = await admin.get('/api/admin/email?limit=1000').expect(400);
    expect(tooMany.body.error.field).toBe('limit');
  });

  it('leaves out of the counts what is older than 24 hours (still listed as a failure)', async () => {
    await sql`UPDATE email_deliveries SET created_at = now() - interval '25 hours'
               WHERE to_address = ${gone[0]!}`.execute(app.ctx.db);
    const page = (await admin.get('/api/admin/email').expect(200)).body as EmailAdminPage;
    expect(page.last24h).toEqual({ sent: 2, failed: 2, skipped: 1 });
    expect(page.failures).toHaveLength(3);
    expect(Date.parse(page.failures.at(-1)!.at)).toBeLessThan(Date.now() - 24 * 3_600_000);
  });

  it('is for admins only: 401 signed out, 403 for members and moderators', async () => {
    await request(app.url).get('/api/admin/email').expect(401);
    const member = await signIn(app, await createUser(app.ctx.db));
    const denied = await member.get('/api/admin/email').expect(403);
    expect(denied.body.error.code).toBe('forbidden');
    const mod = await signIn(app, await createUser(app.ctx.db, { role: 'moderator' }));
    await mod.get('/api/admin/email').expect(403);
  });
});
