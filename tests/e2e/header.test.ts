import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { expectCount, jsErrors, noSidewaysScroll, pageAs } from './forum-helpers';

const headerBox = (page: Page) =>
  page.locator('header.site-header').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { height: Math.round(r.height) };
  });

describeBrowser('site header: one row on desktop, a menu on a phone', () => {
  let app: TestApp;
  let member: TestUser;
  let mod: TestUser;
  beforeAll(async () => {
    app = await startTestApp({ client: true });
    // A long name is the case that used to wrap the header and cut the handle off.
    member = await createUser(app.ctx.db, {
      handle: 'alexandra_k',
      displayName: 'Alexandra Konstantinopoulou',
    });
    mod = await createUser(app.ctx.db, { handle: 'mod_min', role: 'moderator' });
  });

  for (const width of [1024, 1280, 1600]) {
    it(`is as tall signed in as signed out at ${width} px, with the name in reach`, async () => {
      const anon = await pageAs(app, null, width);
      await anon.goto(app.url + '/');
      await anon.getByRole('link', { name: 'Sign up' }).waitFor();
      const out = await headerBox(anon);
      await anon.context().close();

      for (const who of [member, mod]) {
        const page = await pageAs(app, who, width);
        await page.goto(app.url + '/');
        const account = page.getByRole('button', { name: `Account menu for ${who.displayName}` });
        await account.waitFor();
        expect(await headerBox(page)).toEqual(out);
        // Nothing in the row overlaps: the last section ends before the bell starts.
        const gap = await page.evaluate(() => {
          const links = document.querySelectorAll('.nav-list a');
          const last = links[links.length - 1]!.getBoundingClientRect();
          const bell = document.querySelector('.bell-button')!.getBoundingClientRect();
          return bell.left - last.right;
        });
        expect(gap).toBeGreaterThan(0);
        // The account button is whole on screen, not pushed off the edge.
        const box = (await account.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        await noSidewaysScroll(page);
        expect(jsErrors(page)).toEqual([]);
        await page.context().close();
      }
      expect(out.height).toBeLessThanOrEqual(60);
    });
  }

  it('the account menu opens by keyboard, lists your own things, and Escape closes it', async () => {
    const page = await pageAs(app, mod, 1280);
    await page.goto(app.url + '/');
    const account = page.getByRole('button', { name: /^Account menu for/ });
    await account.focus();
    await page.keyboard.press('Enter');
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`#${await account.getAttribute('aria-controls')}`);
    for (const name of ['Your profile', 'My questions', 'Matching profile', 'Moderation'])
      await expect.poll(() => panel.getByRole('link', { name }).isVisible()).toBe(true);
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await account.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      mod.displayName,
    );
    await page.context().close();
  });

  it('at 375 px folds the sections into a menu that opens and closes by keyboard', async () => {
    const page = await pageAs(app, member, 375);
    await page.goto(app.url + '/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect((await headerBox(page)).height).toBeLessThanOrEqual(60);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const panel = page.locator(`#${await menu.getAttribute('aria-controls')}`);
    expect(await panel.isVisible()).toBe(false);
    await noSidewaysScroll(page);
    await expectAccessible(page);

    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = panel.getByRole('navigation', { name: 'Main' });
    for (const name of ['Questions', 'Ask', 'Mentors', 'Paths', 'Messages'])
      expect(await nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    expect(await panel.getByRole('link', { name: 'My questions' }).isVisible()).toBe(true);
    expect(await panel.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await noSidewaysScroll(page);
    await expectAccessible(page);

    // Tab moves into the menu; Escape closes it and puts focus back on the button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Questions');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-button');

    // Space opens it again, and choosing a link goes there with the menu closed.
    await page.keyboard.press('Space');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await panel.getByRole('link', { name: 'Paths' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: /Paths/ }).waitFor();
    await expect.poll(() => panel.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await expectCount(page.getByRole('button', { name: 'Menu', expanded: true }), 0);
    expect(jsErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('at 375 px a visitor sees the ways in without opening the menu', async () => {
    const page = await pageAs(app, null, 375);
    await page.goto(app.url + '/');
    await page.getByRole('link', { name: 'Sign up' }).waitFor();
    expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    expect((await headerBox(page)).height).toBeLessThanOrEqual(60);
    await noSidewaysScroll(page);
    await expectAccessible(page);
    await page.context().close();
  });
});
