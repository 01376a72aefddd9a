import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { eventually } from '../helpers/cluster';
import { startSmtp } from '../helpers/smtp';
import { expectCount, jsErrors, noSidewaysScroll, pageAs } from './forum-helpers';

/** /admin/email: counts for the last 24 h and the last failures, at 375 px, for admins. */
describeBrowser('admin email page', () => {
  let app: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    const smtp = await startSmtp({
      reject: (to) =>
        to.startsWith('gone')
          ? { code: 550, message: `5.1.1 <${to}>: no such mailbox` }
          : undefined,
    });
    app = await startTestApp({ client: true, env: { SMTP_URL: smtp.url } });
    admin = await createUser(app.ctx.db, { role: 'admin', displayName: 'Ada Admin' });
  });

  const deliveries = async () =>
    (await sql<{ n: number }>`SELECT count(*)::int AS n FROM email_deliveries`.execute(app.ctx.db))
      .rows[0]!.n;

  it('says so when nothing failed, then lists failures masked after a refresh', async () => {
    const page = await pageAs(app, admin, 375);
    await page.goto(app.url + '/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Email', exact: true }).click();
    await page.getByRole('heading', { name: 'Email deliveries' }).waitFor();
    await page.getByText('No email has been refused.').waitFor();
    const counts = page.getByRole('definition');
    expect(await counts.allTextContents()).toEqual(['0', '0', '0']);
    await expectAccessible(page);

    const users = ['gone.maya@example.test', 'gone.lee@example.test', 'fine.noor@example.test'];
    for (const email of users) await createUser(app.ctx.db, { email });
    for (const email of users)
      await anonymous(app).post('/api/auth/password-reset').send({ email }).expect(202);
    await eventually(async () => expect(await deliveries()).toBe(3), 15_000);

    await page.getByRole('button', { name: 'Refresh' }).click();
    const table = page.getByRole('table', { name: 'Emails refused for good, newest first' });
    await expectCount(table.getByRole('row'), 3); // the header row and two failures
    expect(await counts.allTextContents()).toEqual(['1', '2', '0']);
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows.slice(1).every((r) => r.includes('Password reset'))).toBe(true);
    expect(rows.slice(1).every((r) => r.includes('g***@example.test'))).toBe(true);
    expect(rows.slice(1).every((r) => r.includes('550 5.1.1 <g***@example.test>'))).toBe(true);
    const html = await page.content();
    for (const email of users) expect(html).not.toContain(email);
    await noSidewaysScroll(page);
    await expectAccessible(page);
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('shows an error with a way to load again when the server cannot answer', async () => {
    const page = await pageAs(app, admin, 375);
    await sql`ALTER TABLE email_deliveries RENAME TO email_deliveries_away`.execute(app.ctx.db);
    try {
      await page.goto(app.url + '/admin/email');
      await page.getByRole('alert').getByRole('button', { name: 'Load again' }).waitFor();
      await expectAccessible(page);
    } finally {
      await sql`ALTER TABLE email_deliveries_away RENAME TO email_deliveries`.execute(app.ctx.db);
    }
    await page.getByRole('button', { name: 'Load again' }).click();
    await page.getByRole('table', { name: 'Emails refused for good, newest first' }).waitFor();
    await expectCount(page.getByRole('alert').getByRole('button', { name: 'Load again' }), 0);
    await page.context().close();
  }, 60_000);

  it('tells members and visitors the page is for admins, and offers no link to it', async () => {
    const member = await createUser(app.ctx.db);
    for (const who of [member, null]) {
      const page = await pageAs(app, who, 375);
      await page.goto(app.url + '/admin/email');
      await page.getByText('Only admins can see email deliveries.').waitFor();
      // The admin link would be in the header's menu: open it to look.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Mentors', exact: true }).waitFor();
      await expectCount(page.getByRole('link', { name: 'Email', exact: true }), 0);
      await expectCount(page.getByRole('table'), 0);
      await page.context().close();
    }
  }, 60_000);
});
