import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { randomUUID } from 'node:crypto';
import { createPair } from '../integration/chat-fixtures';
import { apiReply, apiThread, expectCount, jsErrors, pageAs } from './forum-helpers';

/** Edits with history, deletes, flags, and the moderators' queue — in a real browser. */
describeBrowser('forum: edit, delete, flag, moderate', () => {
  let app: TestApp;
  let asker: TestUser;
  let mentor: TestUser;
  let mod: TestUser;
  let askerApi: Client;
  let mentorApi: Client;
  beforeAll(async () => {
    app = await startTestApp({ seed: true, client: true, env: { FORUM_NEW_ACCOUNT_HOURS: '0' } });
    asker = await createUser(app.ctx.db, { handle: 'noor_asks', displayName: 'Noor Asker' });
    mentor = await createUser(app.ctx.db, { handle: 'lee_pm', displayName: 'Lee Mentor' });
    mod = await createUser(app.ctx.db, { displayName: 'Mina Moderator', role: 'moderator' });
    askerApi = await signIn(app, asker);
    mentorApi = await signIn(app, mentor);
  });

  it('edits a reply, marks it edited and shows the history; deletes another', async () => {
    const thread = await apiThread(askerApi, 'Edit history: how do I pitch a side project?');
    await apiReply(mentorApi, thread.id, 'Original wording about pitching.');
    await apiReply(mentorApi, thread.id, 'A reply I will take back.');
    const page = await pageAs(app, mentor);
    await page.goto(`${app.url}/q/${thread.id}?sort=oldest`);
    const first = page.getByRole('article', { name: 'Reply by Lee Mentor' }).first();
    await first.getByText('Original wording').waitFor();
    await first.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByLabel('Edit your reply');
    expect(await editor.inputValue()).toBe('Original wording about pitching.');
    await editor.fill('Better wording: show **outcomes**, not features.');
    await page.getByRole('button', { name: 'Save edit' }).click();
    await first.locator('strong', { hasText: 'outcomes' }).waitFor();
    await first.getByRole('button', { name: 'edited' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit history' });
    await dialog.getByText('Original wording about pitching.').waitFor();
    await dialog.getByRole('heading', { name: /Version 1 \(original\)/ }).waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expectCount(page.getByRole('dialog'), 0);

    const second = page.getByRole('article', { name: 'Reply by Lee Mentor' }).nth(1);
    await second.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this reply?' })
      .getByRole('button', { name: 'Delete reply' })
      .click();
    await expectCount(page.getByText('A reply I will take back.'), 0);
    await page.reload();
    await first.getByText('outcomes').waitFor();
    await expectCount(page.getByText('A reply I will take back.'), 0);
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('flags a reply; a moderator hides it from the queue and readers see a notice', async () => {
    const thread = await apiThread(askerApi, 'Flags: is a paid PM bootcamp worth it?');
    await apiReply(mentorApi, thread.id, 'BUY MY COURSE at example.com, 90% off today only');

    const reader = await pageAs(app, asker);
    await reader.goto(`${app.url}/q/${thread.id}`);
    const spam = reader.getByRole('article', { name: 'Reply by Lee Mentor' });
    await spam.getByRole('button', { name: 'Flag' }).click();
    const dialog = reader.getByRole('dialog', { name: 'Flag this reply' });
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await dialog.getByText('Pick a reason.').waitFor();
    await dialog.getByLabel('Something else').check();
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await dialog.getByText('Tell the moderators what is wrong.').waitFor();
    await dialog.getByLabel('Spam or advertising').check();
    await expectAccessible(reader);
    await dialog.getByRole('button', { name: 'Send flag' }).click();
    await dialog.getByText('Thanks — a moderator will look at it.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Members are told the queue is not for them.
    await reader.goto(app.url + '/mod');
    await reader.getByText('Only moderators can see the queue.').waitFor();

    const moderator = await pageAs(app, mod, 375);
    await moderator.goto(app.url + '/');
    await moderator.getByRole('button', { name: 'Menu' }).click();
    await moderator.getByRole('link', { name: 'Moderation' }).click();
    const queue = moderator.getByRole('list', { name: 'Flagged posts' });
    const item = queue.getByRole('listitem').filter({ hasText: 'is a paid PM bootcamp' }).first();
    await item.getByText('Spam or advertising').waitFor();
    await expectAccessible(moderator);
    await item.getByLabel('Note for the audit log (optional)').fill('course spam');
    await item.getByRole('button', { name: 'Hide reply' }).click();
    await moderator.getByText(/Hidden \(1 flags? closed\)/).waitFor();
    await expectCount(queue.getByText('is a paid PM bootcamp'), 0);

    await reader.goto(`${app.url}/q/${thread.id}`);
    await reader.getByText(/A moderator hid this post/).waitFor();
    expect(await reader.getByText('BUY MY COURSE').count()).toBe(0);
    for (const p of [reader, moderator]) {
      expect(jsErrors(p)).toEqual([]);
      await p.context().close();
    }
  }, 60_000);

  it('a reported chat message is in the queue with the five before it; a moderator resolves it', async () => {
    const pair = await createPair(app.ctx.db);
    const [mentorChat, menteeChat] = await Promise.all([
      signIn(app, pair.mentor),
      signIn(app, pair.mentee),
    ]);
    const ids: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const from = i % 2 ? menteeChat : mentorChat;
      const res = await from
        .post(`/api/conversations/${pair.conversationId}/messages`)
        .send({ id: randomUUID(), body: `chat line ${i}` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    await mentorChat
      .post(`/api/conversations/${pair.conversationId}/messages/${ids[6]}/report`)
      .send({ reason: 'harassment', note: 'Keeps pushing after I said no.' })
      .expect(201);

    const moderator = await pageAs(app, mod, 375);
    await moderator.goto(app.url + '/mod');
    const list = moderator.getByRole('list', { name: 'Reported chat messages' });
    const item = list.getByRole('listitem').filter({ hasText: 'Keeps pushing' }).first();
    const context = item.getByRole('list', { name: 'The reported message and the five before it' });
    await context.getByText('chat line 7').waitFor();
    await context.getByText('chat line 2').waitFor();
    await expectCount(context.getByText('chat line 1', { exact: true }), 0);
    await expectAccessible(moderator);
    expect(
      await moderator.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await item.getByRole('button', { name: 'Resolve' }).click();
    await moderator.getByText(/Chat report resolved \(1 reports? closed\)/).waitFor();
    await expectCount(list.getByText('Keeps pushing'), 0);
    expect(jsErrors(moderator)).toEqual([]);
    await moderator.context().close();
  }, 60_000);

  it('follows a question; the asker edits it (with history) and deletes it', async () => {
    const thread = await apiThread(askerApi, 'Question edits: first draft of my title');
    const reader = await pageAs(app, mentor);
    await reader.goto(`${app.url}/q/${thread.id}`);
    const follow = reader.getByRole('button', { name: 'Follow' });
    await follow.click();
    await reader.getByRole('button', { name: 'Following' }).waitFor();
    expect(
      await reader.getByRole('button', { name: 'Following' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await reader.getByText('2 followers').waitFor(); // the asker follows their own question

    const page = await pageAs(app, asker, 375);
    await page.goto(`${app.url}/q/${thread.id}`);
    await page.getByRole('heading', { level: 1, name: /first draft/ }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page
      .getByRole('textbox', { name: 'Title' })
      .fill('Question edits: a clearer second title');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: /clearer second title/ }).waitFor();
    await page.getByRole('button', { name: 'edited' }).click();
    const history = page.getByRole('dialog', { name: 'Edit history' });
    await history.getByText('Title: Question edits: first draft of my title').waitFor();
    await history.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Delete this question?' })
      .getByRole('button', { name: 'Delete question' })
      .click();
    await page.waitForURL(app.url + '/');
    await page.getByText('Your question was deleted.').waitFor();
    for (const p of [reader, page]) {
      expect(jsErrors(p)).toEqual([]);
      await p.context().close();
    }
  }, 60_000);
});
