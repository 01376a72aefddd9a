import { beforeAll, expect, it } from 'vitest';
import type { ConsoleMessage, Page, Route } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { browser, describeBrowser, expectAccessible } from '../helpers/browser';
import { clearForumCaches } from '../../server/forum/read-cache';
import { hoursAgo, setCreatedAt } from '../integration/forum-helpers';
import { apiReply, apiThread, expectCount } from './forum-helpers';

/**
 * A server-rendered thread page in Chromium: readable with JavaScript off; with it on,
 * hydrated in place (the server's DOM kept), without a React warning, and then interactive.
 */
describeBrowser('server-rendered pages in a real browser', () => {
  let app: TestApp;
  let asker: Client;
  let mentor: Client;
  let threadId: string;
  const title = 'Server-rendered: what did your first PM quarter look like?';
  beforeAll(async () => {
    app = await startTestApp({ client: true, env: { FORUM_NEW_ACCOUNT_HOURS: '0' } });
    asker = await signIn(app, await createUser(app.ctx.db, { handle: 'ssr_e2e_asker' }));
    mentor = await signIn(app, await createUser(app.ctx.db, { handle: 'ssr_e2e_mentor' }));
    const thread = await apiThread(asker, title);
    threadId = thread.id;
    const oldest = await apiReply(
      mentor,
      thread.id,
      'Oldest reply: mostly listening to customers.',
    );
    await apiReply(asker, thread.id, 'Newest reply: and writing a lot of one-pagers.');
    // Hours old, so "3 hours ago" is a phrase the reader's locale would word differently.
    await setCreatedAt(app.ctx.db, 'threads', thread.id, hoursAgo(5));
    await setCreatedAt(app.ctx.db, 'replies', oldest.id, hoursAgo(3));
    clearForumCaches(app.ctx);
  });

  it('shows the question and its replies with JavaScript off', async () => {
    const context = await (await browser()).newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${app.url}/q/${threadId}`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe(`${title} · Switchboard`);
    await expectCount(page.getByRole('heading', { level: 1, name: title }), 1);
    await expectCount(page.getByText('Oldest reply: mostly listening to customers.'), 1);
    await expectCount(page.getByText('Newest reply: and writing a lot of one-pagers.'), 1);
    await context.close();
  });

  // Another locale and zone than the server's: the times must still hydrate without a mismatch.
  for (const options of [{}, { locale: 'de-DE', timezoneId: 'Asia/Kathmandu' }]) {
    it(`hydrates the server's HTML in place, silently, then works (${options.locale ?? 'default locale'})`, async () => {
      const context = await (
        await browser()
      ).newContext({ viewport: { width: 1280, height: 900 }, ...options });
      const page = await context.newPage();
      const messages: string[] = [];
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error' || m.type() === 'warning')
          messages.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));

      // Hold the app's entry script until the server's DOM is marked.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route(/\/assets\/index-[^/]+\.js$/, async (route: Route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${app.url}/q/${threadId}`, { waitUntil: 'commit' });
      const heading = page.getByRole('heading', { level: 1, name: title });
      await expectCount(heading, 1); // there before any of the app's code ran
      await page.evaluate(() => {
        (document.querySelector('h1') as HTMLElement & { ssr?: boolean }).ssr = true;
      });
      release();

      // Hydrated: the times switch to the reader's own form (a title with the local date).
      await expect
        .poll(() => page.locator('time[title]').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(messages).toEqual([]);
      // Hydration kept the server's nodes: a mismatch would have replaced them.
      expect(
        await page.evaluate(
          () => (document.querySelector('h1') as HTMLElement & { ssr?: boolean }).ssr,
        ),
      ).toBe(true);
      expect(messages).toEqual([]);

      // Interactive: the sort switch reorders the replies and puts the sort in the URL.
      await page.getByLabel('Sort').selectOption('newest');
      await expect.poll(() => page.url()).toContain('sort=newest');
      await expect
        .poll(() => page.locator('.reply').first().innerText())
        .toContain('Newest reply: and writing a lot of one-pagers.');
      // A link moves within the app, without a reload losing the hydrated page.
      await page.getByRole('link', { name: 'Questions', exact: true }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      await expectCount(page.getByRole('heading', { name: title }), 1);
      await expectAccessible(page);
      expect(messages).toEqual([]);
      await context.close();
    });
  }

  it('renders the app as before for a member (no server HTML to hydrate)', async () => {
    const context = await (await browser()).newContext();
    const at = mentor.cookie.indexOf('=');
    await context.addCookies([
      {
        name: mentor.cookie.slice(0, at),
        value: mentor.cookie.slice(at + 1).split(';')[0]!,
        url: app.url,
      },
    ]);
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.url}/q/${threadId}`);
    await expectCount(page.getByRole('heading', { level: 1, name: title }), 1);
    await expectCount(page.getByLabel('Your reply'), 1); // the member's composer
    expect(errors).toEqual([]);
    await context.close();
  });
});
