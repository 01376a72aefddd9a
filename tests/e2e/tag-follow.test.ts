import { beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, type TestUser } from '../helpers/auth';
import { describeBrowser, expectAccessible } from '../helpers/browser';
import { jsErrors, pageAs } from './forum-helpers';

/** The tag page's Follow toggle, by keyboard, in real Chromium against the real server. */
describeBrowser('tag page: follow a tag', () => {
  let app: TestApp;
  let member: TestUser;
  beforeAll(async () => {
    app = await startTestApp({ client: true, jobs: false });
    member = await createUser(app.ctx.db);
  });
  const follows = async (tag: string) =>
    (
      await app.ctx.db
        .selectFrom('tag_follows')
        .select('tag')
        .where('user_id', '=', member.id)
        .where('tag', '=', tag)
        .execute()
    ).length;

  it('follows and unfollows with the keyboard; a failure puts the button back and says why', async () => {
    const page = await pageAs(app, member);
    await page.goto(app.url + '/t/pm-interviews');
    const button = page.getByRole('button', { name: 'Follow tag pm-interviews' });
    await button.waitFor();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await expectAccessible(page);

    await button.focus();
    await page.keyboard.press('Enter');
    const following = page.getByRole('button', { name: 'Following tag pm-interviews' });
    await expect.poll(() => following.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => follows('pm-interviews')).toBe(1);
    // Kept across a reload: the server's state, not the click.
    await page.reload();
    await following.waitFor();
    await following.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => follows('pm-interviews')).toBe(0);

    // The tag disappears from the vocabulary while the page is open: following it fails (404);
    // the button goes back to "Follow" and an alert says why.
    await app.ctx.db.deleteFrom('tags').where('slug', '=', 'pm-interviews').execute();
    await button.click();
    await page.getByRole('alert').filter({ hasText: 'pm-interviews' }).waitFor();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(await follows('pm-interviews')).toBe(0);
    expect(jsErrors(page)).toEqual([]);
  });

  it("advertises the tag's Atom feed in the page head, and the feed is there", async () => {
    const page = await pageAs(app, null);
    await page.goto(app.url + '/t/startups');
    const link = page.locator('head link[rel="alternate"][href="/t/startups/feed.atom"]');
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.getAttribute('type')).toBe('application/atom+xml');
    const res = await fetch(app.url + '/t/startups/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
    expect(jsErrors(page)).toEqual([]);
  });

  it('asks visitors to sign in', async () => {
    const page = await pageAs(app, null);
    await page.goto(app.url + '/t/startups');
    await page.getByRole('link', { name: 'Sign in to follow startups' }).waitFor();
  });
});
