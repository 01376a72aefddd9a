import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ReplyNode, ThreadDetail } from '../../shared/api/threads';
import type { TestApp } from '../helpers/app';
import { signIn, type Client, type TestUser } from '../helpers/auth';
import { newPage } from '../helpers/browser';

/** A fresh browser context, signed in as `user` by carrying over a real session cookie. */
export async function pageAs(app: TestApp, user: TestUser | null, width = 1280): Promise<Page> {
  const page = await newPage(width, 900);
  if (user) {
    const client = await signIn(app, user);
    const at = client.cookie.indexOf('=');
    await page
      .context()
      .addCookies([
        { name: client.cookie.slice(0, at), value: client.cookie.slice(at + 1), url: app.url },
      ]);
  }
  return page;
}

export const jsErrors = (page: Page) => (page as Page & { jsErrors: string[] }).jsErrors;

/** Polls until the locator matches exactly `n` elements. */
export async function expectCount(locator: ReturnType<Page['locator']>, n: number) {
  await expect.poll(() => locator.count(), { timeout: 10_000 }).toBe(n);
}

export async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Creates a question over the real API (fast setup for tests about the thread page). */
export async function apiThread(client: Client, title: string, tags = ['career-switch']) {
  const res = await client
    .post('/api/threads')
    .send({ id: randomUUID(), title, body: `Body of: ${title}`, tags });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as ThreadDetail).thread;
}

export async function apiReply(
  client: Client,
  threadId: string,
  body: string,
  parentId: string | null = null,
): Promise<ReplyNode> {
  const res = await client
    .post(`/api/threads/${threadId}/replies`)
    .send({ id: randomUUID(), parentId, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ReplyNode;
}
