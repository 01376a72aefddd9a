import { beforeAll, expect, it } from 'vitest';
import type { ReplyNode } from '../../shared/api/threads';
import { TREE_DEPTH_LIMIT } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import {
  apiReply,
  apiThread,
  expectCount,
  jsErrors,
  noSidewaysScroll,
  pageAs,
} from './forum-helpers';

/** The thread page's own behaviour: the tree, the keyboard, permalinks, drafts, errors. */
describeBrowser('forum thread page', () => {
  let app: TestApp;
  let asker: TestUser;
  let mentor: TestUser;
  let askerApi: Client;
  let mentorApi: Client;
  beforeAll(async () => {
    // Accounts made by the test are minutes old; treat them as established members.
    app = await startTestApp({ seed: true, client: true, env: { FORUM_NEW_ACCOUNT_HOURS: '0' } });
    asker = await createUser(app.ctx.db, { handle: 'tia_asks', displayName: 'Tia Asker' });
    mentor = await createUser(app.ctx.db, { handle: 'ravi_pm', displayName: 'Ravi Mentor' });
    askerApi = await signIn(app, asker);
    mentorApi = await signIn(app, mentor);
  });

  it('moves with j/k, replies with r, collapses branches and opens permalinks in context', async () => {
    const thread = await apiThread(askerApi, 'Keyboard walk: which PM books were worth it?');
    const a = await apiReply(
      mentorApi,
      thread.id,
      'First answer: Inspired, then Escaping the Build Trap.',
    );
    const a1 = await apiReply(askerApi, thread.id, 'Nested: why that order?', a.id);
    const b = await apiReply(mentorApi, thread.id, 'Second answer: skip books, talk to users.');

    const page = await pageAs(app, mentor, 375);
    await page.goto(`${app.url}/q/${thread.id}?sort=oldest`);
    await page.getByRole('heading', { level: 1, name: /Keyboard walk/ }).waitFor();
    await expectCount(page.locator('article.reply'), 3);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

    await page.keyboard.press('j');
    await expect.poll(focusedId).toBe(`r-${a.id}`);
    await page.keyboard.press('j');
    await expect.poll(focusedId).toBe(`r-${a1.id}`);
    await page.keyboard.press('j');
    await expect.poll(focusedId).toBe(`r-${b.id}`);
    await page.keyboard.press('k');
    await expect.poll(focusedId).toBe(`r-${a1.id}`);

    // r opens the reply box on the selected reply; j typed there is text, not navigation.
    await page.keyboard.press('r');
    const box = page.getByLabel('Reply to Tia Asker');
    await box.waitFor();
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('jk');
    expect(await box.inputValue()).toBe('jk');
    await page.getByRole('button', { name: 'Close (draft kept)' }).click();

    // Collapse the first branch: its nested reply disappears and is counted.
    await page.getByRole('button', { name: 'Collapse reply by Ravi Mentor' }).first().click();
    await expectCount(page.getByText('Nested: why that order?'), 0);
    await page.getByText('1 reply hidden').waitFor();
    await page.keyboard.press('k'); // j/k skip the collapsed branch
    await page.keyboard.press('j');
    await expect.poll(focusedId).toBe(`r-${b.id}`);
    await page.getByRole('button', { name: 'Expand reply by Ravi Mentor' }).click();
    await page.getByText('Nested: why that order?').waitFor();
    await noSidewaysScroll(page);
    await expectAccessible(page);

    // A permalink opens the thread with the reply highlighted and in view.
    await page.goto(`${app.url}/q/${thread.id}/r/${a1.id}`);
    const target = page.locator(`#r-${a1.id}`);
    await expect.poll(() => target.getAttribute('class')).toContain('reply-target');
    await expect.poll(() => focusedId()).toBe(`r-${a1.id}`);
    expect(await target.isVisible()).toBe(true);
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('collapses deep branches behind "continue this thread"', async () => {
    const thread = await apiThread(
      askerApi,
      'Deep branch: a long back-and-forth about APM programs',
    );
    let parent: ReplyNode | null = null;
    const chain: ReplyNode[] = [];
    for (let depth = 0; depth <= TREE_DEPTH_LIMIT + 1; depth++) {
      const who = depth % 2 ? askerApi : mentorApi;
      parent = await apiReply(who, thread.id, `Level ${depth} of the chain`, parent?.id ?? null);
      chain.push(parent);
    }
    const page = await pageAs(app, null);
    await page.goto(`${app.url}/q/${thread.id}`);
    await page.getByText('Level 0 of the chain').waitFor();
    const more = page.getByRole('link', { name: /Continue this thread \(2 more replies\)/ });
    await more.waitFor();
    expect(await page.getByText(`Level ${TREE_DEPTH_LIMIT} of the chain`).count()).toBe(0);
    await more.click();
    await page.getByText(`Level ${TREE_DEPTH_LIMIT + 1} of the chain`).waitFor();
    await page.getByRole('link', { name: /Show all \d+ replies/ }).waitFor();
    // The branch keeps its context: the replies above it are still shown.
    await page.getByText('Level 0 of the chain').waitFor();
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);

  it('keeps a draft through a failed send and never posts it twice', async () => {
    const thread = await apiThread(askerApi, 'Draft safety: what if my connection drops?');
    const page = await pageAs(app, mentor);
    await page.goto(`${app.url}/q/${thread.id}`);
    const box = page.getByLabel('Your reply');
    await box.fill('A reply written on a flaky train connection.');
    // The server gets the reply, but the answer never reaches the browser.
    await page.route('**/api/threads/*/replies', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page
      .getByRole('alert')
      .getByText(/Could not reach Switchboard/)
      .waitFor();
    expect(await box.inputValue()).toBe('A reply written on a flaky train connection.');
    await page.unroute('**/api/threads/*/replies');

    // Even a reload keeps it (sessionStorage), with the same client id.
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Your reply').inputValue())
      .toBe('A reply written on a flaky train connection.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.getByLabel('Your reply').inputValue()).toBe('');
    await expectCount(page.locator('article.reply', { hasText: 'flaky train connection' }), 1);
    const detail = await askerApi.get(`/api/threads/${thread.id}`).expect(200);
    expect(detail.body.replies).toHaveLength(1);

    // The same text again (a new client id) is the server's 409: the text stays, and the
    // person gets a link to the reply that is already there instead of a second copy.
    await page.getByLabel('Your reply').fill('A reply written on a flaky train connection.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const earlier = page.getByRole('link', { name: 'Open your earlier post' });
    await earlier.waitFor();
    expect(await earlier.getAttribute('href')).toBe(
      `/q/${thread.id}/r/${detail.body.replies[0].id}`,
    );
    expect(await page.getByLabel('Your reply').inputValue()).toBe(
      'A reply written on a flaky train connection.',
    );
    await expectAccessible(page);
    const after = await askerApi.get(`/api/threads/${thread.id}`).expect(200);
    expect(after.body.replies).toHaveLength(1);
    await page.context().close();
  }, 60_000);

  it('shows field errors beside the field and rate limits as the server words them', async () => {
    const page = await pageAs(app, asker);
    await page.goto(app.url + '/ask');
    await page.getByLabel('Title').fill('Short');
    await page.getByLabel('Your question').fill('Body');
    await page.getByRole('combobox', { name: 'Tags' }).fill('career-switch');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await page.getByRole('button', { name: 'Post your question' }).click();
    const title = page.getByLabel('Title');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby'))!.split(' ');
    const errorText = await page.locator(`[id="${describedBy[1]}"]`).innerText();
    expect(errorText).toMatch(/must be 8–200 characters/);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Post until the hourly limit, then the UI shows the server's 429 message as given.
    const spammer = await createUser(app.ctx.db, { displayName: 'Busy Bee' });
    const spamApi = await signIn(app, spammer);
    const thread = await apiThread(spamApi, 'Rate limits: how many replies is too many?');
    let last = 201;
    for (let i = 0; last !== 429 && i < 60; i++)
      last = (
        await spamApi
          .post(`/api/threads/${thread.id}/replies`)
          .send({ id: crypto.randomUUID(), body: `Reply number ${i}` })
      ).status;
    expect(last).toBe(429);
    const busy = await pageAs(app, spammer);
    await busy.goto(`${app.url}/q/${thread.id}`);
    await busy.getByLabel('Your reply').fill('One more thought that must not be lost.');
    await busy.getByRole('button', { name: 'Send reply' }).click();
    const alert = busy.getByRole('alert');
    await alert.waitFor();
    const probe = await spamApi
      .post(`/api/threads/${thread.id}/replies`)
      .send({ id: crypto.randomUUID(), body: 'probe' });
    expect(probe.status).toBe(429);
    const digits = (t: string) => t.replace(/\d+/g, 'N');
    expect(digits(await alert.innerText())).toContain(digits(probe.body.error.message));
    expect(await busy.getByLabel('Your reply').inputValue()).toBe(
      'One more thought that must not be lost.',
    );
    await busy.context().close();
    await page.context().close();
  }, 60_000);
});
