import { expect, it, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { roomyEnv } from '../helpers/cluster';
import { apiReply, apiThread, expectCount, jsErrors, pageAs } from './forum-helpers';

/**
 * Live pages in real Chromium: two browser contexts on one thread; one replies, the other
 * sees it appear without a reload; presence says 2; the front page offers new questions
 * instead of moving the list.
 */
describeBrowser('live thread page', () => {
  let app: TestApp;
  let asker: TestUser;
  let mentor: TestUser;
  beforeAll(async () => {
    app = await startTestApp({ client: true, env: roomyEnv });
    asker = await createUser(app.ctx.db, { handle: 'live_asker', displayName: 'Lia Asker' });
    mentor = await createUser(app.ctx.db, { handle: 'live_mentor', displayName: 'Max Mentor' });
  });

  it('a reply from one browser appears in the other without a reload; presence shows 2', async () => {
    // (10 s per step: a failure names the step instead of the whole test timing out)
    const thread = await apiThread(
      await signIn(app, asker),
      'Agency developer to PM: is a side project proof enough?',
    );
    const url = `${app.url}/q/${thread.id}`;
    const reader = await pageAs(app, asker);
    const writer = await pageAs(app, mentor);
    await reader.goto(url);
    await writer.goto(url);
    for (const page of [reader, writer]) {
      await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
      await page.getByText('2 reading now').waitFor({ timeout: 10_000 });
    }
    // A marker that a reload would wipe, and a record of the highlight: the class stays only
    // a few seconds, so under load a later look could miss it; the observer cannot.
    await reader.evaluate(() => {
      const w = window as unknown as { marker: number; flashed: string[] };
      w.marker = 42;
      w.flashed = [];
      const note = (el: Element) => {
        if (el.classList.contains('reply-live-new') && !w.flashed.includes(el.id))
          w.flashed.push(el.id);
      };
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes') note(r.target as Element);
          for (const n of r.addedNodes)
            if (n instanceof Element) [n, ...n.querySelectorAll('.reply-live-new')].forEach(note);
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class'],
      });
    });

    const composer = writer.getByLabel('Your reply');
    await composer.fill('I shipped a small product end to end; that story got me interviews.');
    await reader.getByText('Someone is replying…').waitFor({ timeout: 10_000 });
    await writer.getByRole('button', { name: 'Send reply' }).click();

    const text = 'I shipped a small product end to end; that story got me interviews.';
    await expectCount(reader.getByText(text), 1);
    await expectCount(writer.getByText(text), 1); // its own post, once
    expect(await reader.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    const flashed = () =>
      reader.evaluate(() => (window as unknown as { flashed: string[] }).flashed);
    await expect.poll(flashed, { timeout: 10_000 }).toHaveLength(1);
    // The one highlighted is the new reply.
    expect(await reader.locator(`[id="${(await flashed())[0]}"]`).textContent()).toContain(text);
    await expectAccessible(reader);

    await writer.close();
    await reader.getByText('1 reading now').waitFor({ timeout: 10_000 });

    // The server drops the connection; what is posted meanwhile arrives after the reconnect.
    app.server.io.local.disconnectSockets(true);
    await reader
      .getByRole('status')
      .filter({ hasText: 'Reconnecting…' })
      .waitFor({ timeout: 10_000 });
    await apiReply(await signIn(app, mentor), thread.id, 'Posted while you were reconnecting.');
    await reader.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
    await expectCount(reader.getByText('Posted while you were reconnecting.'), 1);
    expect(await reader.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(jsErrors(reader)).toEqual([]);
    expect(jsErrors(writer)).toEqual([]);
  });

  it('the front page says "1 new question — show" instead of moving the list', async () => {
    const home = await pageAs(app, null);
    await home.goto(app.url + '/');
    await home.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
    // The page follows the feed once the server confirmed it; then someone posts elsewhere.
    await home.locator('.live-feed-bar[data-following="true"]').waitFor({ state: 'attached' });
    const title = 'Startup engineering lead: when did you stop coding?';
    await apiThread(await signIn(app, mentor), title);
    const show = home.getByRole('button', { name: '1 new question — show' });
    await show.waitFor({ timeout: 10_000 });
    await expectCount(home.getByRole('link', { name: title }), 0);
    await show.click();
    await expectCount(home.getByRole('link', { name: title }), 1);
    await expectCount(home.getByRole('button', { name: /new question/ }), 0);
    expect(jsErrors(home)).toEqual([]);
  });
});
