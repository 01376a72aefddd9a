import { beforeAll, expect, it } from 'vitest';
import request from 'supertest';
import type { ThreadSummary } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { describeBrowser, expectAccessible, newPage } from '../helpers/browser';

describeBrowser('home page in a real browser', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: true, client: true });
  });

  for (const [label, width] of [
    ['phone', 375],
    ['desktop', 1280],
  ] as const) {
    it(`lists the seeded questions from the API on a ${label} (${width}px)`, async () => {
      // The first page of Hot, as the API ranks it (the demo has more questions than a page).
      const hot = (await request(app.url).get('/api/threads?sort=hot').expect(200)).body
        .items as ThreadSummary[];
      expect(hot.length).toBe(30);
      const page = await newPage(width, 800);
      await page.goto(app.url + '/');
      const list = page.getByRole('list', { name: 'Questions' });
      await expect
        .poll(() =>
          list
            .getByRole('listitem')
            .filter({ has: page.locator('h2') })
            .count(),
        )
        .toBe(hot.length);
      for (const t of hot)
        await expect.poll(() => page.getByRole('heading', { name: t.title }).count()).toBe(1);
      // Nothing scrolls sideways at this width.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      expect((page as typeof page & { jsErrors: string[] }).jsErrors).toEqual([]);
      await page.context().close();
    });
  }

  it('answers an unknown route 404 with the app shell and shows a not-found page', async () => {
    const page = await newPage();
    const res = await page.goto(app.url + '/no/such/page');
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
    expect(await page.title()).toBe('Page not found · Switchboard');
    await expectAccessible(page);
    await page.context().close();
  });

  it('gives every page its own title, "Page · Switchboard"', async () => {
    const page = await newPage();
    const [first] = (await request(app.url).get('/api/threads?sort=new&limit=1').expect(200)).body
      .items as ThreadSummary[];
    for (const [path, title] of [
      ['/', 'Switchboard'],
      [`/q/${first!.id}`, `${first!.title} · Switchboard`],
      ['/t/portfolio', 'Questions tagged portfolio · Switchboard'],
      ['/u/priya_pm', 'Priya Raman (@priya_pm) · Switchboard'],
      ['/paths', 'Paths into product management · Switchboard'],
      ['/signin', 'Sign in · Switchboard'],
      ['/mentors', 'Find a mentor · Switchboard'],
      ['/messages', 'Messages · Switchboard'],
      ['/notifications', 'Notifications · Switchboard'],
      ['/welcome', 'Welcome · Switchboard'],
      ['/settings/notifications', 'Notification settings · Switchboard'],
      ['/search?q=mba', 'mba · Search · Switchboard'],
    ] as const) {
      await page.goto(app.url + path);
      await expect.poll(() => page.title()).toBe(title);
    }
    await page.context().close();
  });
});
