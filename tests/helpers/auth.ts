/**
 * Signed-in test clients. Use from any integration / realtime test:
 *
 *   import { startTestApp } from '../helpers/app';
 *   import { createUser, signIn, anonymous, cookieHeader } from '../helpers/auth';
 *
 *   const app = await startTestApp();
 *   const maya = await createUser(app.ctx.db, { handle: 'maya' });   // verified member
 *   const mod = await createUser(app.ctx.db, { role: 'moderator' });
 *   const client = await signIn(app, maya);                            // real POST /api/auth/sign-in
 *   await client.post('/api/threads').send({ ... }).expect(201);       // cookie + CSRF + Origin sent for you
 *   client.viewer.id === maya.id;
 *
 *   // Socket.IO as that user (same session cookie):
 *   io(app.url, { extraHeaders: { cookie: cookieHeader(client) }, transports: ['websocket'] });
 *
 *   // Anonymous, but a same-origin browser-like client (Origin header set):
 *   await anonymous(app).post('/api/threads').send({ ... }).expect(401);
 *
 * createUser writes the row directly (no mail, no rate limit) with a real argon2id hash of
 * `user.password` (the default password's hash is computed once per file, so creating many
 * users is cheap). Overrides: handle, email, displayName, password, role, emailVerified, bio.
 * Rate limits count failed sign-ins only, so signing in many users from one test is fine.
 * Requests without an Origin header are treated as non-browser clients (no Origin check), but
 * a signed-in write still needs the CSRF token — `signIn` sets both headers on the agent.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { expect } from 'vitest';
import type { ViewerInfo } from '../../shared/api/auth';
import { defaultHashParams, hashPassword } from '../../server/auth/password';
import type { Db } from '../../server/db';
import type { TestApp } from './app';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  handle: string;
  email: string;
  displayName: string;
  password: string;
  role: 'member' | 'moderator' | 'admin';
}

export interface UserOverrides {
  handle?: string;
  email?: string;
  displayName?: string;
  password?: string;
  role?: TestUser['role'];
  emailVerified?: boolean;
  bio?: string;
}

let defaultHash: Promise<string> | undefined;

export async function createUser(db: Db, o: UserOverrides = {}): Promise<TestUser> {
  const suffix = randomBytes(4).toString('hex');
  const handle = o.handle ?? `user_${suffix}`;
  const email = o.email ?? `${handle}@example.test`;
  const password = o.password ?? DEFAULT_PASSWORD;
  const passwordHash =
    password === DEFAULT_PASSWORD
      ? await (defaultHash ??= hashPassword(DEFAULT_PASSWORD, defaultHashParams))
      : await hashPassword(password.normalize('NFC'), defaultHashParams);
  const row = await db
    .insertInto('users')
    .values({
      handle,
      email,
      display_name: o.displayName ?? `Test ${handle}`,
      password_hash: passwordHash,
      role: o.role ?? 'member',
      bio: o.bio ?? '',
      email_verified_at: o.emailVerified === false ? null : new Date(),
    })
    .returning(['id', 'handle', 'email', 'display_name', 'role'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    handle: row.handle,
    email: row.email!,
    displayName: row.display_name,
    password,
    role: row.role as TestUser['role'],
  };
}

export type Client = TestAgent & {
  viewer: ViewerInfo;
  csrfToken: string;
  /** `sb.sid=…` — the session cookie, for socket.io-client's extraHeaders.cookie. */
  cookie: string;
};

/** A supertest agent that behaves like a same-origin browser page: sends Origin. */
export function anonymous(app: TestApp): TestAgent {
  const agent = request.agent(app.url);
  agent.set('Origin', app.url);
  return agent;
}

/** Signs in through the real endpoint; the returned agent carries cookie, CSRF token, Origin. */
export async function signIn(
  app: TestApp,
  user: Pick<TestUser, 'handle' | 'password'> & { email?: string },
): Promise<Client> {
  const agent = anonymous(app);
  const res = await agent
    .post('/api/auth/sign-in')
    .send({ login: user.handle, password: user.password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const cookie = sessionCookieFrom(res.headers['set-cookie']);
  agent.set('X-CSRF-Token', res.body.csrfToken);
  return Object.assign(agent, {
    viewer: res.body.viewer as ViewerInfo,
    csrfToken: res.body.csrfToken as string,
    cookie,
  });
}

export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = list.find((c) => c.startsWith('sb.sid='));
  if (!found) throw new Error(`no session cookie in ${JSON.stringify(setCookie)}`);
  return found.split(';')[0]!;
}

export function cookieHeader(client: Client): string {
  return client.cookie;
}
