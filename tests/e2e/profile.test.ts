import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn } from '../helpers/auth';
import { describeBrowser, expectAccessible, newPage } from '../helpers/browser';

const story = [
  'I spent five years keeping payment systems alive at a bank.',
  'A new product team needed someone who understood the ledger, so I asked for a trial quarter and wrote every decision down.',
];

const jsErrors = (page: Page) => (page as Page & { jsErrors: string[] }).jsErrors;
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describeBrowser('profiles in a real browser', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: true, client: true });
  });

  it('a signed-in person writes a mentor story at 375 px and sees it on their public profile', async () => {
    const user = await createUser(app.ctx.db, { handle: 'eve_mentor', displayName: 'Eve Mentor' });
    const { cookie } = await signIn(app, user);
    const page = await newPage(375, 800);
    page.setDefaultTimeout(8_000);
    const [name, value] = cookie.split('=') as [string, string];
    await page.context().addCookies([{ name, value, url: app.url }]);

    await page.goto(app.url + '/settings/profile');
    await page.getByRole('heading', { name: 'Edit your profile' }).waitFor();
    await page.getByRole('button', { name: 'Create a mentor profile' }).click();

    const form = page.locator('form', {
      has: page.getByRole('button', { name: 'Create mentor profile' }),
    });
    await form.getByLabel('Role before', { exact: true }).fill('Backend engineer');
    await form.getByLabel('Role now', { exact: true }).fill('Product manager, payments');
    await form.getByLabel('Path you took').selectOption('internal-transfer');
    await form.getByLabel('Year of the switch').fill('2021');
    await form.getByLabel('Months it took').fill('10');
    const before = form.getByRole('group', { name: 'Company before the switch' });
    await before.getByLabel('Type').selectOption('enterprise');
    await before.getByLabel('Size').selectOption('5000+');
    const after = form.getByRole('group', { name: 'Company after the switch' });
    await after.getByLabel('Type').selectOption('enterprise');
    await after.getByLabel('Size').selectOption('5000+');
    await form.getByLabel('Languages').fill('en, pt-br');
    await form.getByLabel('Mentees at a time').fill('25');

    // Keyboard only for the goals: Tab into the group, Space to tick.
    await form.getByLabel('Choosing a path into PM').focus();
    await page.keyboard.press('Space');
    expect(await form.getByLabel('Choosing a path into PM').isChecked()).toBe(true);

    // First try: no story, too many mentees. The shared schema answers before any request.
    await form.getByRole('button', { name: 'Create mentor profile' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Mentees at a time: must be between 0 and 20');
    expect(await summary.textContent()).toContain('Your switch story: is required');
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const capacity = form.getByLabel('Mentees at a time');
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await capacity.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await page.locator(`#${errorId}`).textContent()).toContain('must be between 0 and 20');
    await expectAccessible(page);

    // The summary link takes keyboard focus to the field.
    await summary.getByRole('link', { name: /Mentees at a time/ }).press('Enter');
    await expect.poll(() => capacity.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');

    await form.getByLabel('Your switch story').fill(story.join('\n\n'));
    await form.getByLabel('What helped (optional)').fill('Writing every decision down.');
    await form.getByRole('button', { name: 'Preview' }).click();
    await form.getByLabel('Story preview').getByText(story[1]!).waitFor();
    await form.getByRole('button', { name: 'Back to editing' }).click();

    await form.getByRole('button', { name: 'Create mentor profile' }).click();
    await page.getByRole('status').getByText('Mentor profile saved.').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'See your public profile' }).click();
    await page.getByRole('heading', { name: 'Eve Mentor', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Switch story' });
    await section.getByText(story[0]!).waitFor();
    await section.getByText(story[1]!).waitFor();
    expect(await section.textContent()).toContain('Internal transfer at a larger company');
    expect(await section.textContent()).toContain('Switched in 2021; it took 10 months');
    expect(await section.textContent()).toContain('English, Brazilian Portuguese');
    expect(await section.textContent()).toContain('Can mentor up to 2 people at a time');
    expect(await page.getByRole('link', { name: 'Edit your profile' }).count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a seeded mentor to an anonymous visitor, and clear pages for unknown handles', async () => {
    const page = await newPage(1280, 900);
    page.setDefaultTimeout(8_000);
    await page.goto(app.url + '/u/grace-h');
    await page.getByRole('heading', { name: 'Grace Huang', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Switch story' });
    expect(await section.textContent()).toContain('Consulting or agency PM');
    expect(await page.getByRole('link', { name: 'Edit your profile' }).count()).toBe(0);
    expect(await page.content()).not.toContain('@demo.switchboard.test');
    await expectAccessible(page);

    await page.goto(app.url + '/u/maya_builds');
    await page.getByRole('region', { name: 'Exploring a switch' }).waitFor();
    expect(await page.content()).not.toContain('no product role at all');

    await page.goto(app.url + '/u/nobody_by_that_name');
    await page.getByRole('heading', { name: 'No one here goes by @nobody_by_that_name' }).waitFor();
    await expectAccessible(page);

    await page.goto(app.url + '/settings/profile');
    await page.getByText('to edit your profile').waitFor();
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  });
});
