import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { forumTestEnv, postReply, postThread } from './forum-helpers';

/** The app's pages over HTTP, as a search engine or a link preview fetches them. */
let app: TestApp;
let asker: Client;
let answerer: Client;

beforeAll(async () => {
  app = await startTestApp({ client: true, env: forumTestEnv });
  asker = await signIn(app, await createUser(app.ctx.db, { handle: 'page_asker' }));
  answerer = await signIn(app, await createUser(app.ctx.db));
});

const page = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${p}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });

describe('page status codes', () => {
  it('answers 200 for pages that exist, the app shell included', async () => {
    const t = await postThread(asker);
    for (const p of ['/', '/?sort=new', `/q/${t.thread.id}`, '/t/career-switch', '/u/page_asker']) {
      const res = await page(p);
      expect(res.status, p).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    }
    expect((await page('/paths')).status).toBe(200);
    expect((await page('/paths/mba')).status).toBe(200);
    expect((await page('/sign-in')).status).toBe(200);
  });

  it('answers 404 for an unknown route, thread, tag, profile or path, with the app', async () => {
    for (const p of [
      '/no/such/page',
      `/q/${randomUUID()}`,
      '/q/not-a-thread-id',
      '/t/no-such-tag-anywhere',
      '/u/nobody_has_this_handle',
      '/paths/astronaut',
    ]) {
      const res = await page(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('answers 410 for a deleted thread, for visitors and members alike', async () => {
    const t = await postThread(asker);
    await asker.delete(`/api/threads/${t.thread.id}`).expect(204);
    expect((await page(`/q/${t.thread.id}`)).status).toBe(410);
    expect((await page(`/q/${t.thread.id}`, { cookie: answerer.cookie })).status).toBe(410);
  });

  it('keeps a deleted question whose replies are still shown readable', async () => {
    const t = await postThread(asker);
    await postReply(answerer, t.thread.id);
    await asker.delete(`/api/threads/${t.thread.id}`).expect(204);
    expect((await page(`/q/${t.thread.id}`)).status).toBe(200);
  });

  it('moves old /t/<thread id> links to the thread', async () => {
    const id = randomUUID();
    const res = await page(`/t/${id}`);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/q/${id}`);
  });
});
