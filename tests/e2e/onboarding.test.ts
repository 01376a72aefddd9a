import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { describeBrowser, expectAccessible, newPage } from '../helpers/browser';
import { createUser, signIn } from '../helpers/auth';
import { createAskerProfile, createMentor } from '../integration/mentorship-fixtures';
import { apiThread, expectCount, jsErrors, noSidewaysScroll, pageAs } from './forum-helpers';

/** Sign up through the form; lands wherever the app sends a new account. */
async function signUp(page: Page, app: TestApp, handle: string, name: string) {
  await page.goto(app.url + '/sign-up');
  await page.getByLabel('Email', { exact: true }).fill(`${handle}@example.test`);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
}

describeBrowser('a newcomer: sign-up → who are you → profile → ask → matches', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ client: true });
    // One mentor who took the path the newcomer will weigh, one who did not.
    await createMentor(
      app.ctx.db,
      {
        roleBefore: 'Web developer',
        pathTaken: 'internal-transfer',
        switchYear: 2021,
        timeZone: 'Europe/Lisbon',
        companyTypeBefore: 'agency',
      },
      { handle: 'ines_pm', displayName: 'Ines Duarte' },
    );
    await createMentor(
      app.ctx.db,
      { roleBefore: 'Data analyst', pathTaken: 'mba', timeZone: 'Asia/Tokyo' },
      { handle: 'kenji_pm', displayName: 'Kenji Mori' },
    );
  });

  it('asks who they are after sign-up and shows PMs who took their path on their question', async () => {
    const page = await newPage(1280, 900, { timezoneId: 'Europe/Lisbon' });
    await signUp(page, app, 'dana_o', 'Dana Ortiz');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Dana Ortiz' }).waitFor();
    expect(await page.title()).toBe('Welcome · Switchboard');
    expect(await page.getByRole('link', { name: 'Skip for now' }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('button', { name: /I'm exploring a switch/ }).click();
    await page.getByRole('heading', { level: 1, name: "I'm exploring a switch" }).waitFor();
    // The time zone comes from the browser.
    await expect.poll(() => page.getByLabel('Time zone').inputValue()).toBe('Europe/Lisbon');
    await page.getByLabel('Current role').fill('Web developer');
    await page.getByLabel('Years of experience').fill('7');
    await page.getByLabel('Company type').selectOption('agency');
    await page.getByLabel('Internal transfer at a larger company').check();
    await page.getByLabel('Choosing a path into PM').check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Create asker profile' }).click();
    await page.getByRole('heading', { level: 1, name: "You're set up" }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Ask your first question' }).click();
    await page.getByLabel('Title').fill('Agency web developer: how do I get a PM transfer?');
    await page
      .getByLabel('Your question')
      .fill('Eight years of client work, no PM in sight. Does an internal transfer work?');
    const tags = page.getByRole('combobox', { name: 'Tags' });
    await tags.fill('career-switch');
    await tags.press('Enter');
    await page.getByRole('button', { name: 'Post your question' }).click();
    await page.waitForURL(/\/q\/[0-9a-f-]{36}\//);

    const panel = page.getByRole('region', { name: 'PMs who made this switch' });
    const first = panel.getByRole('listitem').first();
    await first.getByText('Ines Duarte').waitFor();
    await first
      .getByText(/Switched via an internal transfer in 2021 \(one of the paths you are weighing\)/)
      .waitFor();
    await first.getByText('Works in your time zone').waitFor();
    await expectAccessible(page);
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('at 375 px the choice can be skipped and found again in the menu', async () => {
    const page = await newPage(375, 800);
    await signUp(page, app, 'lee_m', 'Lee Morgan');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Lee Morgan' }).waitFor();
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Skip for now' }).click();
    await page.getByRole('heading', { level: 1, name: /Questions from engineers/ }).waitFor();

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Matching profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit your profile' }).waitFor();
    await page.goto(app.url + '/settings/account');
    await page.getByRole('link', { name: 'Choose your role again' }).click();
    await page.getByRole('button', { name: /I made the switch/ }).click();
    await page.getByRole('heading', { level: 1, name: 'I made the switch' }).waitFor();
    await expectCount(page.getByRole('button', { name: 'Create mentor profile' }), 1);
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await page.context().close();
  });

  it('the panel speaks of the asker by name to others, and says what is missing without a profile', async () => {
    const maya = await createUser(app.ctx.db, { displayName: 'Maya Chen' });
    await createAskerProfile(app.ctx.db, maya.id, { pathsWeighed: ['internal-transfer'] });
    const bare = await createUser(app.ctx.db, { displayName: 'Sam Okafor' });
    const mayas = await apiThread(
      await signIn(app, maya),
      'Web developer eyeing an internal PM move',
    );
    const sams = await apiThread(await signIn(app, bare), 'No idea where to begin with product');

    // A visitor: third person, with fit percentages (Maya gave her paths).
    const anon = await pageAs(app, null, 1280);
    await anon.goto(`${app.url}/q/${mayas.id}`);
    const panel = anon.getByRole('region', { name: 'Mentors who might answer' });
    await panel.getByText(/one of the paths Maya is weighing/).waitFor();
    expect(await panel.getByText(/you are weighing|your time zone/).count()).toBe(0);
    expect(await panel.getByText(/% fit/).count()).toBeGreaterThan(0);
    await expectAccessible(anon);
    await anon.context().close();

    // Sam, without a profile, on his own question: what is missing, and no fit percentages.
    const own = await pageAs(app, bare, 375);
    await own.goto(`${app.url}/q/${sams.id}`);
    const mine = own.getByRole('region', { name: 'PMs who made this switch' });
    const add = mine.getByRole('link', { name: 'Add the paths you are weighing' });
    await add.waitFor();
    await mine.locator('.mentor-panel-item').first().waitFor();
    expect(await mine.getByText(/% fit|close to a path/).count()).toBe(0);
    await noSidewaysScroll(own);
    await expectAccessible(own);

    // Sam on Maya's question: offered a way to his own matches.
    await own.goto(`${app.url}/q/${mayas.id}`);
    const others = own.getByRole('region', { name: 'Mentors who might answer' });
    await others.getByText(/Exploring a switch yourself/).waitFor();
    await others.getByRole('link', { name: 'Add the paths you are weighing' }).click();
    await own.getByRole('heading', { level: 1, name: "I'm exploring a switch" }).waitFor();
    await own.context().close();

    // Maya, who has a profile, on Sam's question: her own matches, ranked for her.
    const mayaPage = await pageAs(app, maya, 1280);
    await mayaPage.goto(`${app.url}/q/${sams.id}`);
    const ownMatches = mayaPage.getByRole('region', { name: 'Mentors who might answer' });
    await ownMatches.getByRole('heading', { name: 'Matched to you' }).waitFor();
    await ownMatches.locator('.own-matches').getByRole('link', { name: 'Ines Duarte' }).waitFor();
    await expectAccessible(mayaPage);
    await mayaPage.context().close();
  });
});
