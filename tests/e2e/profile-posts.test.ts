import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { createMentor } from '../integration/mentorship-fixtures';
import {
  apiReply,
  apiThread,
  expectCount,
  jsErrors,
  noSidewaysScroll,
  pageAs,
} from './forum-helpers';

describeBrowser('what a person wrote, and their notifications', () => {
  let app: TestApp;
  let ana: TestUser;
  let bo: TestUser;
  beforeAll(async () => {
    app = await startTestApp({ client: true });
    ana = await createUser(app.ctx.db, { handle: 'ana_w', displayName: 'Ana Writer' });
    bo = await createUser(app.ctx.db, { handle: 'bo_r', displayName: 'Bo Reader' });
    await app.ctx.db
      .updateTable('users')
      .set({ created_at: new Date(Date.now() - 30 * 86_400_000) })
      .execute();
    const anaClient = await signIn(app, ana);
    const boClient = await signIn(app, bo);
    await apiThread(anaClient, 'Which PM interview loop did you find fairest?');
    await apiThread(anaClient, 'Moving from QA to product: where do I start?');
    const bos = await apiThread(boClient, 'Is an APM program worth a pay cut?');
    await apiReply(anaClient, bos.id, 'It was for me: the mentoring paid back within a year.');
    // 35 notifications for Ana (more than a page of 30), one for Bo that she must never see.
    const rows = Array.from({ length: 35 }, (_, i) => ({
      user_id: ana.id,
      kind: 'reply_to_thread',
      payload: JSON.stringify({
        threadId: bos.id,
        title: `Update number ${i + 1}`,
        by: { handle: 'bo_r', displayName: 'Bo Reader' },
        excerpt: 'x',
      }),
      created_at: new Date(Date.now() - (35 - i) * 60_000),
      dedupe_key: randomUUID(),
    }));
    await app.ctx.db.insertInto('notifications').values(rows).execute();
    await app.ctx.db
      .insertInto('notifications')
      .values({
        user_id: bo.id,
        kind: 'reply_to_thread',
        payload: JSON.stringify({
          threadId: bos.id,
          title: 'Private to Bo',
          by: { handle: 'ana_w', displayName: 'Ana Writer' },
          excerpt: 'x',
        }),
      })
      .execute();
  });

  it('profile tabs list the questions and replies; counts and "My questions" link to them', async () => {
    const page = await pageAs(app, ana, 1280);
    await page.goto(app.url + '/');
    await page.getByRole('button', { name: /^Account menu for/ }).click();
    await page.getByRole('link', { name: 'My questions' }).click();
    const questions = page.getByRole('list', { name: 'Questions by @ana_w' });
    await expectCount(questions.getByRole('listitem'), 2);
    expect(await questions.getByRole('listitem').first().innerText()).toContain(
      'Moving from QA to product',
    );
    expect(await page.title()).toBe('Questions · Ana Writer (@ana_w) · Switchboard');
    await expectAccessible(page);

    await page.getByRole('link', { name: '1 replies by @ana_w' }).click();
    const replies = page.getByRole('list', { name: 'Replies by @ana_w' });
    await replies.getByText('the mentoring paid back within a year').waitFor();
    await replies.getByRole('link', { name: /On “Is an APM program worth a pay cut\?”/ }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Is an APM program worth a pay cut?' })
      .waitFor();
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('the notifications page shows the whole history by pages and marks all read', async () => {
    const page = await pageAs(app, ana, 375);
    await page.goto(app.url + '/');
    await page.getByRole('button', { name: /Notifications/ }).click();
    await page.getByRole('link', { name: 'All notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const list = page.getByRole('list', { name: 'All notifications, newest first' });
    await expectCount(list.getByRole('listitem'), 30);
    expect(await list.getByRole('listitem').first().innerText()).toContain('Update number 35');
    await page.getByRole('button', { name: 'Show older' }).click();
    await expectCount(list.getByRole('listitem'), 35);
    expect(await page.getByText('Private to Bo').count()).toBe(0);
    await page.getByRole('status').getByText('35 unread.').waitFor();
    await noSidewaysScroll(page);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('status').getByText('All read.').waitFor();
    await expectCount(page.locator('.notification-list .unread'), 0);
    const unread = await app.ctx.db
      .selectFrom('notifications')
      .select(['user_id'])
      .where('read_at', 'is', null)
      .execute();
    // Only Ana's were marked; Bo's stay unread.
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((n) => n.user_id === bo.id)).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it('a paused mentor cannot be asked; the request opens full width on a phone', async () => {
    await createMentor(
      app.ctx.db,
      { capacity: 0 },
      { handle: 'paused_pm', displayName: 'Pia Paused' },
    );
    const omar = await createMentor(
      app.ctx.db,
      { capacity: 2, roleBefore: 'Backend engineer', switchYear: 2019 },
      { handle: 'open_pm', displayName: 'Omar Open' },
    );
    const page = await pageAs(app, bo, 375);
    // His replies say who made the switch.
    const t = await apiThread(await signIn(app, bo), 'Does a backend background help as a PM?');
    await apiReply(await signIn(app, omar), t.id, 'It helped me talk to the platform team.');
    await page.goto(`${app.url}/q/${t.id}`);
    const reply = page.getByRole('article', { name: 'Reply by Omar Open' });
    await reply.getByText('PM since 2019 · was a backend engineer').waitFor();
    await page.goto(app.url + '/u/paused_pm');
    const paused = page.getByRole('button', { name: 'Request mentorship from Pia Paused' });
    await paused.waitFor();
    expect(await paused.isDisabled()).toBe(true);
    const why = await paused.getAttribute('aria-describedby');
    expect(await page.locator(`#${why}`).innerText()).toBe(
      'Pia Paused has paused mentoring and is not taking requests right now.',
    );
    await expectAccessible(page);

    await page.goto(app.url + '/u/open_pm');
    await page.getByRole('button', { name: 'Request mentorship from Omar Open' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request a mentorship from Omar Open' });
    await dialog.getByLabel('Your message to Omar Open').waitFor();
    const box = (await dialog.boundingBox())!;
    expect(Math.round(box.width)).toBe(375);
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expectCount(page.getByRole('dialog'), 0);
    await page.context().close();
  });
});
