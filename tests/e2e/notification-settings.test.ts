import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { runDigestSchedule } from '../../server/digests/jobs';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn } from '../helpers/auth';
import { describeBrowser, newPage } from '../helpers/browser';

describeBrowser('notification settings in a real browser', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ client: true }); // no SMTP_URL: mail goes to the catcher
  });

  it('changes preferences and finds them kept; unsubscribes from a caught digest', async () => {
    const user = await createUser(app.ctx.db, { handle: 'nina_notes' });
    const { cookie } = await signIn(app, user);
    const page = await newPage(375, 800);
    page.setDefaultTimeout(8_000);
    const [name, value] = cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: app.url }]);

    await page.goto(app.url + '/settings/notifications');
    await page.getByRole('heading', { name: 'Notification settings' }).waitFor();
    await page.getByLabel('A reply to my question').selectOption('email');
    await page.getByLabel('How often').selectOption('weekly');
    await page.getByLabel('On', { exact: true }).selectOption('5');
    await page.getByLabel('At (your local time)').selectOption('18');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Notification settings' }).waitFor();
    expect(await page.getByLabel('A reply to my question').inputValue()).toBe('email');
    expect(await page.getByLabel('How often').inputValue()).toBe('weekly');
    expect(await page.getByLabel('On', { exact: true }).inputValue()).toBe('5');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');

    // A daily digest at 08:00 UTC for someone else, caught locally.
    const reader = await createUser(app.ctx.db, { handle: 'rita_reader' });
    await sql`UPDATE users SET last_active_at = now() - interval '3 days' WHERE id = ${reader.id}`.execute(
      app.ctx.db,
    );
    await sql`INSERT INTO notifications (user_id, kind, payload) VALUES (${reader.id}, 'reply_to_thread',
      ${JSON.stringify({ threadId: crypto.randomUUID(), title: 'My question', by: { handle: 'x', displayName: 'Xavier' }, excerpt: 'Try this' })}::jsonb)`.execute(
      app.ctx.db,
    );
    await app.ctx.db
      .insertInto('digest_runs')
      .values({ id: 1, last_run_at: new Date(Date.now() - 24 * 3_600_000) })
      .execute();
    await runDigestSchedule(app.ctx);
    let html = '';
    await expect
      .poll(
        async () => {
          const m = await app.ctx.db
            .selectFrom('caught_mail')
            .select('html_body')
            .where('to_address', '=', reader.email)
            .executeTakeFirst();
          return (html = m?.html_body ?? '');
        },
        { timeout: 15_000 },
      )
      .toContain('Unsubscribe from the digest');
    const link = /href="([^"]+\/unsubscribe\?token=[^"]+)"/
      .exec(html)![1]!
      .replaceAll('&amp;', '&');
    const other = await newPage(375, 800); // the mail client: no session
    // Scheduled mail links to PUBLIC_URL (unknown before this app picked its port): same path here.
    const url = new URL(link);
    await other.goto(app.url + url.pathname + url.search);
    await other.getByRole('heading', { name: /Unsubscribe from the email digest/ }).waitFor();
    await other.getByRole('button', { name: 'Unsubscribe' }).click();
    await other.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    const row = await app.ctx.db
      .selectFrom('notification_settings')
      .select('digest_frequency')
      .where('user_id', '=', reader.id)
      .executeTakeFirst();
    expect(row?.digest_frequency).toBe('never');
  });
});
