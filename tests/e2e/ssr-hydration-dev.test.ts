import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConsoleMessage } from 'playwright-core';
import { projectRoot } from '../../server/client-build';
import { clearForumCaches } from '../../server/forum/read-cache';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn } from '../helpers/auth';
import { browser, describeBrowser } from '../helpers/browser';
import { hoursAgo, setCreatedAt } from '../integration/forum-helpers';
import { apiReply, apiThread, expectCount } from './forum-helpers';

/**
 * The same hydration, with React's development build on both sides: only it reports
 * attribute mismatches (a `title` in the reader's zone, an href from window.location), which
 * the production build silently keeps. The client is built here for development, apart.
 */
describeBrowser('hydration with React’s development build', () => {
  let app: TestApp;
  let dir: string;
  const pages: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sb-client-dev-'));
    const { build } = await import('vite');
    await build({
      configFile: false,
      root: path.join(projectRoot, 'client'),
      mode: 'development',
      logLevel: 'warn',
      plugins: [react()],
      define: { 'process.env.NODE_ENV': JSON.stringify('development') },
      build: { outDir: dir, emptyOutDir: true, minify: false },
    });
    app = await startTestApp({ clientDir: dir, env: { FORUM_NEW_ACCOUNT_HOURS: '0' } });
    const asker = await signIn(app, await createUser(app.ctx.db, { handle: 'dev_asker' }));
    const mentor = await signIn(app, await createUser(app.ctx.db, { handle: 'dev_mentor' }));
    const t = await apiThread(asker, 'Dev build: did an MBA help your switch at all?');
    const r = await apiReply(mentor, t.id, 'It helped with the network, not with the job.');
    await setCreatedAt(app.ctx.db, 'threads', t.id, hoursAgo(30));
    await setCreatedAt(app.ctx.db, 'replies', r.id, hoursAgo(2));
    clearForumCaches(app.ctx);
    pages.push(`/q/${t.id}`, '/', '/t/career-switch', '/u/dev_mentor', '/paths');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hydrates the public pages without a warning, in another locale and zone too', async () => {
    const context = await (
      await browser()
    ).newContext({ locale: 'fr-FR', timezoneId: 'Pacific/Auckland' });
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
    for (const p of pages) {
      const res = await page.goto(app.url + p);
      expect(res?.status(), p).toBe(200);
      // Server HTML was there to hydrate, and hydration has run (the app's main heading).
      expect(await page.locator('#sb-page-data').count(), p).toBe(1);
      await expectCount(page.locator('main h1'), 1);
      await page.waitForLoadState('networkidle');
      expect(messages, p).toEqual([]);
    }
    await context.close();
  });
});
