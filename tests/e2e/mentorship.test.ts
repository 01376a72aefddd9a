import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { createAskerProfile, createMentor } from '../integration/mentorship-fixtures';
import { expectCount, jsErrors, noSidewaysScroll, pageAs } from './forum-helpers';

/**
 * The matching issue's main path in real Chromium: an asker posts a question, sees ranked
 * mentors with reasons, requests one; the mentor (second browser context) accepts; both see
 * the mentorship as active.
 */
describeBrowser('mentorship: ask → matches → request → accept', () => {
  let app: TestApp;
  let asker: TestUser;
  let mentor: TestUser;

  beforeAll(async () => {
    app = await startTestApp({ client: true });
    const db = app.ctx.db;
    asker = await createUser(db, { handle: 'maya_asks', displayName: 'Maya Asker' });
    await createAskerProfile(db, asker.id);
    mentor = await createMentor(
      db,
      { timeZone: 'Europe/Amsterdam', headline: 'Agency frontend dev → startup lead → PM' },
      { handle: 'priya_mentor', displayName: 'Priya Mentor' },
    );
    await createMentor(
      db,
      {
        pathTaken: 'internal-transfer',
        roleBefore: 'Platform engineer',
        companyTypeBefore: 'enterprise',
        timeZone: 'America/Chicago',
      },
      { handle: 'tom_mentor', displayName: 'Tom Mentor' },
    );
  });

  it('works end to end in two browser contexts', async () => {
    const ask = await pageAs(app, asker);
    await ask.goto(app.url + '/ask');
    await ask.getByRole('heading', { name: 'Ask a question' }).waitFor();
    await ask.getByLabel('Title').fill('Agency web developer, eight years in: which road into PM?');
    await ask
      .getByLabel('Your question')
      .fill(
        'Frontend developer at a small agency, no product role here. Startup engineering lead or consulting PM?',
      );
    const tags = ask.getByRole('combobox', { name: 'Tags' });
    await tags.fill('career');
    await ask.getByRole('option', { name: /career-switch/ }).click();
    await ask.getByRole('button', { name: 'Post your question' }).click();
    await ask.waitForURL(/\/q\/[0-9a-f-]{36}/);
    const threadPath = new URL(ask.url()).pathname;
    const threadId = threadPath.split('/')[2]!;

    // Ranked mentors with reasons — only those who match: Tom (platform engineer, internal
    // transfer) shares neither Maya's role nor a path she weighs, so he is not listed here.
    const panel = ask.getByRole('region', { name: 'PMs who made this switch' });
    await panel.waitFor();
    const items = panel
      .getByRole('listitem')
      .filter({ has: ask.getByRole('heading', { level: 3 }) });
    await expect
      .poll(() => items.first().getByRole('heading', { level: 3 }).innerText())
      .toContain('Priya Mentor');
    await expectCount(items, 1);
    await panel.getByText('Only 1 mentor matches this switch so far.').waitFor();
    await items
      .first()
      .getByText(/Was a frontend developer at an agency/)
      .waitFor();
    await expectAccessible(ask);

    // Request one: too short first (the server's message shows beside the field), then properly.
    await panel.getByRole('button', { name: 'Request mentorship from Priya Mentor' }).click();
    const form = ask.getByRole('form', { name: 'Request a mentorship from Priya Mentor' });
    const message = form.getByLabel('Your message to Priya Mentor');
    await message.fill('Please help me.');
    await form.getByRole('button', { name: 'Send request' }).click();
    await form.getByText(/must be 50-2000 characters \(yours has 15\)/).waitFor();
    expect(await message.getAttribute('aria-invalid')).toBe('true');
    await message.fill(
      'Eight years as a web developer at a small agency. Your path through a startup engineering-lead role is the one I am weighing; could you help me plan it?',
    );
    await form.getByRole('button', { name: 'Send request' }).click();
    await panel.getByText('Request sent to Priya Mentor.').waitFor();

    // The asker's bell is quiet for now; it will light up live when the mentor answers.
    const askerBell = ask.getByRole('button', { name: /Notifications/ });
    expect(await askerBell.innerText()).toMatch(/^Notifications$/);
    const marker = await ask.evaluate(() => ((window as unknown as { m: number }).m = 7));

    // The mentor, in a second browser context: the bell, then /mentorships → accept.
    const mp = await pageAs(app, mentor, 375);
    await mp.goto(app.url + '/');
    const bell = mp.getByRole('button', { name: /Notifications/ });
    // Two unread: the question matched Priya's switch when it was posted, then the request.
    await expect.poll(() => bell.innerText()).toMatch(/^Notifications\s*2\s*unread$/);
    await bell.click();
    await mp
      .getByRole('link', { name: /A question matches your switch: “Agency web developer/ })
      .waitFor();
    await mp.getByRole('link', { name: 'Maya Asker asked you for a mentorship' }).click();
    await mp.waitForURL(/\/mentorships/);
    const received = mp.getByRole('region', { name: 'Requests for you' });
    const card = received.getByRole('article').filter({ hasText: 'Maya Asker' });
    await card.getByText(/Your path through a startup engineering-lead role/).waitFor();
    await expectAccessible(mp);
    await noSidewaysScroll(mp);
    await card.getByRole('button', { name: 'Accept Maya Asker' }).click();
    // Accepting lands the mentor in the new conversation with the mentee…
    await mp.waitForURL(/\/messages\/[0-9a-f-]{36}/);
    await mp.getByRole('heading', { level: 1, name: 'Maya Asker' }).waitFor();
    // …and the mentorship is active, the request answered.
    await mp.goto(app.url + '/mentorships');
    const mentorActive = mp.getByRole('region', { name: 'Active mentorships' });
    await mentorActive.getByRole('heading', { name: /Your mentee Maya Asker/ }).waitFor();
    await expectCount(mp.getByRole('region', { name: 'Requests for you' }).getByRole('article'), 0);

    // The asker's open page hears of it without a reload (pushed over the socket).
    await expect.poll(() => askerBell.innerText()).toMatch(/^Notifications\s*1\s*unread$/);
    expect(await ask.evaluate(() => (window as unknown as { m?: number }).m)).toBe(marker);

    // The asker sees it active too.
    await ask.goto(app.url + '/mentorships');
    const askerActive = ask.getByRole('region', { name: 'Active mentorships' });
    await askerActive.getByRole('heading', { name: /Your mentor Priya Mentor/ }).waitFor();
    await expectAccessible(ask);

    // From the panel, at 375 px: Find a mentor ranked for this question, Priya among the
    // matches and Tom apart, under "Other mentors".
    const narrow = await pageAs(app, asker, 375);
    await narrow.goto(app.url + threadPath);
    const narrowPanel = narrow.getByRole('region', { name: 'PMs who made this switch' });
    await narrowPanel.getByText('Only 1 mentor matches this switch so far.').waitFor();
    await noSidewaysScroll(narrow);
    await narrowPanel.getByRole('link', { name: 'See all mentors for this question' }).click();
    await narrow.waitForURL(
      (u) => u.pathname === '/mentors' && u.searchParams.get('threadId') === threadId,
    );
    await narrow.getByText(/^Ranked for this question/).waitFor();
    await narrow.getByRole('link', { name: 'Back to the question' }).waitFor();
    const others = narrow.getByRole('region', { name: 'Other mentors' });
    await others.getByRole('heading', { name: /Tom Mentor/ }).waitFor();
    await expectCount(others.getByRole('heading', { name: /Priya Mentor/ }), 0);
    await narrow.getByRole('heading', { name: /Priya Mentor/ }).waitFor();
    await expectAccessible(narrow);
    await noSidewaysScroll(narrow);

    expect(jsErrors(ask)).toEqual([]);
    expect(jsErrors(mp)).toEqual([]);
    expect(jsErrors(narrow)).toEqual([]);
    await ask.context().close();
    await mp.context().close();
    await narrow.context().close();
  }, 90_000); // many steps in two browsers: under full-suite load it needs more than 30 s

  it('shows paths with an accessible chart and Find a mentor with filters', async () => {
    const page = await pageAs(app, null, 375);
    await page.goto(app.url + '/paths');
    await page
      .getByRole('link', { name: 'Startup engineering lead who also does product' })
      .click();
    await page
      .getByRole('heading', { level: 1, name: 'Startup engineering lead who also does product' })
      .waitFor();
    const chart = page.getByRole('figure', { name: 'How long the switch took' });
    await chart.getByRole('row', { name: /7–12 months 1/ }).waitFor();
    await expectAccessible(page);
    await noSidewaysScroll(page);

    await page.getByRole('link', { name: 'Find a mentor who took this path' }).click();
    await page.getByRole('heading', { name: 'Find a mentor' }).waitFor();
    const list = page.locator('.mentor-list > li');
    await expectCount(list, 1);
    await page.getByLabel('Path taken').selectOption('');
    await expectCount(list, 2);
    await expectAccessible(page);
    await noSidewaysScroll(page);

    // A mentor's profile offers the request too (to visitors: sign in first).
    await page.goto(app.url + '/u/tom_mentor');
    await page.getByRole('link', { name: 'Sign in to request a mentorship' }).waitFor();
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  });
});
