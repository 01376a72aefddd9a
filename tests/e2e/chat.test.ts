import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { ChatMessage, MessagePage } from '../../shared/api/chat';
import type { MentorshipItem, RequestItem } from '../../shared/api/mentorships';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { createAskerProfile, createMentor, goodMessage } from '../integration/mentorship-fixtures';
import { expectCount, jsErrors, noSidewaysScroll, pageAs } from './forum-helpers';

/**
 * Live mentor chat in real Chromium, two browser contexts (issue 11's browser acceptance):
 * the mentorship is requested and accepted over the real API, so the conversation is the
 * one an accept creates. Then: chat both ways, typing, "Seen", the nav badge counting up
 * and clearing live, a message written offline delivered exactly once, older pages on
 * scroll up, jump to the first unread, next steps updating live on both sides, axe, 375 px.
 */
describeBrowser('live mentor chat', () => {
  let app: TestApp;
  let mentor: TestUser;
  let mentee: TestUser;

  /** A new mentorship between two new members, through request → accept; its conversation. */
  async function mentorship(names: [string, string]) {
    const m = await createMentor(app.ctx.db, {}, { displayName: names[0] });
    const a = await createUser(app.ctx.db, { displayName: names[1] });
    await createAskerProfile(app.ctx.db, a.id);
    const [mc, ac] = [await signIn(app, m), await signIn(app, a)];
    const req = await ac
      .post('/api/mentorship-requests')
      .send({ mentor: m.handle, message: goodMessage })
      .expect(201);
    const accepted = await mc
      .post(`/api/mentorship-requests/${(req.body as RequestItem).id}/accept`)
      .expect(200);
    const conversationId = (accepted.body as MentorshipItem).conversationId;
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    return { mentor: m, mentee: a, mentorClient: mc, menteeClient: ac, conversationId };
  }

  async function rowsWithBody(conversationId: string, body: string) {
    return app.ctx.db
      .selectFrom('chat_messages')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .where('body_md', '=', body)
      .execute();
  }

  async function historyVia(client: Client, conversationId: string): Promise<ChatMessage[]> {
    const res = await client
      .get(`/api/conversations/${conversationId}/messages?limit=100`)
      .expect(200);
    return (res.body as MessagePage).items;
  }

  const bubbles = (page: Page, text: string | RegExp) =>
    page.locator('.chat-message').filter({ hasText: text });
  const badge = (page: Page) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Messages/ });
  /** Inside the conversation's scroll box's visible part (not just rendered). */
  const inView = (l: Locator) =>
    l.evaluate((el) => {
      const box = el.closest('.chat-scroll')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
  const composer = (page: Page, other: string) => page.getByLabel(`Message ${other}`);

  beforeAll(async () => {
    app = await startTestApp({ client: true, env: { CHAT_MESSAGES_PER_10S: '1000' } });
  });

  it('chats both ways with typing, Seen, a live badge and an offline message sent once', async () => {
    const pair = await mentorship(['Priya Raman', 'Devon Ellis']);
    ({ mentor, mentee } = pair);
    const cid = pair.conversationId;
    const dev = await pageAs(app, mentee);
    const pri = await pageAs(app, mentor);

    // The mentor waits on the front page: no badge yet.
    await pri.goto(app.url + '/');
    await badge(pri).waitFor();
    await expect.poll(() => badge(pri).innerText()).toBe('Messages');

    // The mentee finds the conversation in /messages and opens it.
    await dev.goto(app.url + '/messages');
    await dev.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await dev.getByRole('link', { name: /Priya Raman/ }).click();
    await dev.waitForURL(`${app.url}/messages/${cid}`);
    await dev.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();

    // Shift+Enter is a new line, Enter sends (once).
    const devBox = composer(dev, 'Priya Raman');
    await devBox.click();
    await dev.keyboard.type('Hi Priya, thanks for accepting!');
    await dev.keyboard.press('Shift+Enter');
    await dev.keyboard.type('Could we start with my CV?');
    await dev.keyboard.press('Enter');
    const first = 'Hi Priya, thanks for accepting!\nCould we start with my CV?';
    await expectCount(bubbles(dev, 'Could we start with my CV?'), 1);
    expect(await devBox.inputValue()).toBe('');
    await expect.poll(async () => (await rowsWithBody(cid, first)).length).toBe(1);
    // The line break survives into the rendered message.
    expect(await bubbles(dev, 'Could we start with my CV?').locator('.chat-body').innerText()).toBe(
      first,
    );
    await bubbles(dev, 'Could we start with my CV?').getByText('sent').waitFor();

    // The mentor's badge counts up live, without a reload…
    await pri.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await expect.poll(() => badge(pri).innerText()).toMatch(/^Messages\s*1\s*unread$/);
    await devBox.fill('And maybe the interview loop next week.');
    await devBox.press('Enter');
    await expect.poll(() => badge(pri).innerText()).toMatch(/^Messages\s*2\s*unread$/);
    expect(await pri.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    const lastOfDevon = bubbles(dev, 'And maybe the interview loop next week.');
    await lastOfDevon.getByText('sent').waitFor();
    await expectCount(lastOfDevon.getByText('Seen'), 0);

    // …the inbox says 2 unread; opening the conversation clears the badge live and the
    // mentee sees "Seen" under the last message.
    await badge(pri).click();
    await pri.getByRole('link', { name: /Devon Ellis\s*2 unread/ }).waitFor();
    await expectAccessible(pri); // /messages
    await pri.getByRole('link', { name: /Devon Ellis/ }).click();
    await pri.getByRole('heading', { level: 1, name: 'Devon Ellis' }).waitFor();
    await expectCount(bubbles(pri, 'Could we start with my CV?'), 1);
    await expect.poll(() => badge(pri).innerText()).toBe('Messages');
    await lastOfDevon.getByText('Seen').waitFor({ timeout: 10_000 });
    // Only under the last message read.
    await expectCount(dev.locator('.chat-message').getByText('Seen'), 1);

    // Typing shows on the other side, and goes away when the message comes.
    const priBox = composer(pri, 'Devon Ellis');
    await priBox.click();
    await pri.keyboard.type('Happy to.');
    await dev.getByText('Priya Raman is typing…').waitFor({ timeout: 10_000 });
    await pri.keyboard.press('Shift+Enter');
    await pri.keyboard.type('Send me the current version and the job ad you like.');
    await pri.keyboard.press('Enter');
    const reply = 'Happy to.\nSend me the current version and the job ad you like.';
    await expectCount(bubbles(dev, 'Send me the current version'), 1);
    await expectCount(dev.getByText('Priya Raman is typing…'), 0);
    await expectCount(bubbles(pri, 'Send me the current version'), 1);
    expect((await rowsWithBody(cid, reply)).length).toBe(1);
    // The mentee has the conversation open: it is read at once, Priya sees Seen too.
    await bubbles(pri, 'Send me the current version').getByText('Seen').waitFor();
    await expectAccessible(dev); // a conversation, from both sides
    await expectAccessible(pri);

    // Offline: the mentee writes while the network is gone. The page notices at once
    // (the browser's "offline" event closes the socket; see client/src/lib/realtime.ts),
    // shows the message as waiting, keeps it, and sends it once when back online.
    const priPresence = pri.getByTestId('presence');
    await expect.poll(() => priPresence.innerText()).toBe('In this chat now');
    await dev.context().setOffline(true);
    await dev.getByRole('status').filter({ hasText: 'You are offline' }).waitFor();
    // The connection really dropped (not just held open by the emulation): the server saw
    // Devon leave, and Priya's page says so.
    await expect.poll(() => priPresence.innerText()).toMatch(/^Last seen/);
    const offline = 'Written on the train without signal.';
    await devBox.fill(offline);
    await devBox.press('Enter');
    const waiting = bubbles(dev, offline);
    await waiting.getByText(/waiting for the connection/).waitFor();
    expect(
      await dev.evaluate((id) => localStorage.getItem(`switchboard.chat.outbox.${id}`), cid),
    ).toContain(offline);
    // Nothing left the browser: not stored, not shown to the mentor.
    expect(await rowsWithBody(cid, offline)).toHaveLength(0);
    await expectCount(bubbles(pri, offline), 0);

    await dev.context().setOffline(false);
    await expectCount(bubbles(pri, offline), 1);
    await expect.poll(() => priPresence.innerText()).toBe('In this chat now');
    await expect.poll(() => waiting.locator('.chat-state').count()).toBe(1);
    await expectCount(bubbles(dev, offline), 1);
    await expect
      .poll(() => dev.evaluate((id) => localStorage.getItem(`switchboard.chat.outbox.${id}`), cid))
      .toBe('[]');
    // Exactly one row, and the API's history holds it once (for both participants).
    expect(await rowsWithBody(cid, offline)).toHaveLength(1);
    for (const client of [pair.menteeClient, pair.mentorClient])
      expect(
        (await historyVia(client, cid)).filter((m) => m.bodyMarkdown === offline),
      ).toHaveLength(1);
    // A reload changes nothing: no second copy from a leftover queue.
    await dev.reload();
    await dev.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();
    await expectCount(bubbles(dev, offline), 1);
    expect(await rowsWithBody(cid, offline)).toHaveLength(1);

    // The queue survives the tab: written offline, the tab closed before the network came
    // back; the next page of that browser sends it, once.
    await dev.context().setOffline(true);
    await dev.getByRole('status').filter({ hasText: 'You are offline' }).waitFor();
    const kept = 'Queued in a tab I then closed.';
    await devBox.fill(kept);
    await devBox.press('Enter');
    await bubbles(dev, kept)
      .getByText(/waiting for the connection/)
      .waitFor();
    const devContext = dev.context();
    const devErrors = jsErrors(dev);
    await dev.close();
    expect(await rowsWithBody(cid, kept)).toHaveLength(0);
    await devContext.setOffline(false);
    const again = await devContext.newPage();
    await again.goto(`${app.url}/messages/${cid}`);
    await expectCount(bubbles(pri, kept), 1);
    await expectCount(bubbles(again, kept), 1);
    await bubbles(again, kept).locator('.chat-state').waitFor(); // no longer pending: sent
    expect(await rowsWithBody(cid, kept)).toHaveLength(1);

    expect(devErrors).toEqual([]);
    expect(jsErrors(pri)).toEqual([]);
    await devContext.close();
    await pri.context().close();
  }, 120_000);

  it('loads older pages on scroll up, jumps to the first unread, and next steps update live on both sides', async () => {
    const pair = await mentorship(['Amara Okafor', 'Lukas Brandt']);
    const cid = pair.conversationId;
    // 130 messages from the mentor over the real API; the mentee has read the first 60.
    for (let i = 1; i <= 130; i++)
      await pair.mentorClient
        .post(`/api/conversations/${cid}/messages`)
        .send({ id: crypto.randomUUID(), body: `Message number ${i}.` })
        .expect(201);
    await pair.menteeClient.post(`/api/conversations/${cid}/read`).send({ seq: 60 }).expect(200);

    const luk = await pageAs(app, pair.mentee);
    await luk.goto(`${app.url}/messages/${cid}`);
    await luk.getByRole('heading', { level: 1, name: 'Amara Okafor' }).waitFor();
    const items = luk.locator('.chat-messages > li');
    // The newest page only (50), newest at the bottom and in view.
    await expectCount(items, 50);
    await bubbles(luk, 'Message number 130.').waitFor();
    await expect.poll(() => inView(bubbles(luk, 'Message number 130.'))).toBe(true);
    expect(await inView(bubbles(luk, 'Message number 81.'))).toBe(false);
    await expectCount(luk.getByText('New messages'), 0); // the first unread is not loaded yet

    // Jump to first unread: loads the page it is on, shows the divider there, focuses it.
    await luk.getByRole('button', { name: 'Jump to first unread' }).click();
    const divider = luk.locator('#first-unread');
    await divider.waitFor();
    await expect.poll(() => divider.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await luk.locator('[data-seq="61"]').locator('#first-unread').count()).toBe(1);
    expect(await divider.innerText()).toBe('New messages');

    // Scrolling to the top loads the rest, page by page, in order, each message once.
    const box = luk.getByRole('region', { name: 'Conversation with Amara Okafor' });
    // (each scroll to the top brings one more page; the jump brought the page 31-80)
    let shown = await items.count();
    expect(shown).toBe(100);
    for (let pages = 0; shown < 130 && pages < 5; pages++) {
      await box.evaluate((el) => el.scrollTo({ top: 0 }));
      await expect.poll(() => items.count()).toBeGreaterThan(shown);
      shown = await items.count();
    }
    await luk.getByText('This is the start of your conversation.').waitFor();
    await expectCount(items, 130);
    // What was on screen stays put while a page comes in: the top is one more scroll away.
    expect(await inView(bubbles(luk, 'Message number 1.'))).toBe(false);
    await box.evaluate((el) => el.scrollTo({ top: 0 }));
    expect(await inView(bubbles(luk, 'Message number 1.'))).toBe(true);
    const order = await luk.locator('.chat-body').allInnerTexts();
    expect(order).toEqual(Array.from({ length: 130 }, (_, i) => `Message number ${i + 1}.`));

    // Next steps: the mentor pins a message in her browser; it appears at the top of the
    // mentee's conversation live; his tick shows in hers live.
    const ama = await pageAs(app, pair.mentor);
    await ama.goto(`${app.url}/messages/${cid}`);
    await ama.getByRole('heading', { level: 1, name: 'Lukas Brandt' }).waitFor();
    await expectCount(luk.getByRole('region', { name: 'Next steps' }), 0);

    // Lukas is reading at the top; a new message does not yank him down, it offers the way.
    await ama.getByLabel('Message Lukas Brandt').fill('Did you read the first one?');
    await ama.getByLabel('Message Lukas Brandt').press('Enter');
    const below = luk.getByRole('button', { name: 'New messages below' });
    await below.waitFor({ timeout: 10_000 });
    expect(await inView(bubbles(luk, 'Message number 1.'))).toBe(true);
    await below.click();
    await expectCount(below, 0);
    await expect.poll(() => inView(bubbles(luk, 'Did you read the first one?'))).toBe(true);

    await bubbles(ama, 'Message number 130.')
      .getByRole('button', { name: 'Pin as next step' })
      .click();
    const lukSteps = luk.getByRole('region', { name: 'Next steps' });
    const lukTick = lukSteps.getByRole('checkbox', { name: 'Message number 130.' });
    await lukTick.waitFor({ timeout: 10_000 });
    const amaTick = ama
      .getByRole('region', { name: 'Next steps' })
      .getByRole('checkbox', { name: 'Message number 130.' });
    await amaTick.waitFor();
    expect(await amaTick.isChecked()).toBe(false);
    await lukTick.check();
    await expect.poll(() => amaTick.isChecked(), { timeout: 10_000 }).toBe(true);
    await bubbles(luk, 'Message number 130.').getByText('next step').waitFor();
    await expectAccessible(luk);

    // Unpinned on one side: gone from both.
    await bubbles(ama, 'Message number 130.').getByRole('button', { name: 'Unpin' }).click();
    await expectCount(luk.getByRole('region', { name: 'Next steps' }), 0);
    await expectCount(ama.getByRole('region', { name: 'Next steps' }), 0);

    // Report asks why, by keyboard, and gives focus back to the button.
    const reported = bubbles(luk, 'Did you read the first one?');
    await reported.getByRole('button', { name: 'Report' }).click();
    const form = reported.getByRole('form', { name: 'Report this message to the moderators' });
    await expect
      .poll(() => form.getByLabel('Why?').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await form.getByLabel('Why?').selectOption('spam');
    await form.getByRole('button', { name: 'Send report' }).click();
    await reported.getByRole('status').filter({ hasText: 'Reported to the moderators.' }).waitFor();
    await expect
      .poll(() =>
        reported
          .getByRole('button', { name: 'Report' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    const reports = await app.ctx.db
      .selectFrom('chat_reports')
      .innerJoin('chat_messages', 'chat_messages.id', 'chat_reports.message_id')
      .select(['chat_reports.reason', 'chat_messages.body_md'])
      .where('chat_reports.reporter_id', '=', pair.mentee.id)
      .execute();
    expect(reports).toEqual([{ reason: 'spam', body_md: 'Did you read the first one?' }]);

    expect(jsErrors(luk)).toEqual([]);
    expect(jsErrors(ama)).toEqual([]);
    await luk.context().close();
    await ama.context().close();
  }, 120_000);

  it('at 375 px the list and the conversation are each full-screen with a back link', async () => {
    expect(mentee, 'the first test made the pair').toBeDefined();
    const page = await pageAs(app, mentee, 375);
    await page.goto(app.url + '/messages');
    const link = page.getByRole('link', { name: /Priya Raman/ });
    await link.waitFor();
    await noSidewaysScroll(page);
    const listWidth = await page
      .locator('.chat-list')
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(listWidth).toBeGreaterThan(375 * 0.85);
    await expectAccessible(page);

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Priya Raman' }).waitFor();
    // A long unbroken line must wrap, not widen the page.
    const long = 'https://example.com/' + 'a'.repeat(300);
    await composer(page, 'Priya Raman').fill(long);
    await composer(page, 'Priya Raman').press('Enter');
    await bubbles(page, 'aaaaaaaa').locator('.chat-state').waitFor(); // no longer pending
    await noSidewaysScroll(page);
    const box = await page
      .getByRole('region', { name: 'Conversation with Priya Raman' })
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(box).toBeGreaterThan(375 * 0.85);
    // The composer and the back link are on screen without scrolling the page.
    const sendBottom = await page
      .getByRole('button', { name: 'Send' })
      .evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    expect(sendBottom).toBeLessThanOrEqual(900);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'All messages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  }, 60_000);
});
