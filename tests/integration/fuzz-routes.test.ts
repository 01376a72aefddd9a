import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cursorForgeries,
  cursorShapeEdges,
  edgeValues,
  longText,
  naughtyStrings,
  nulAndSurrogates,
  rawPathSegments,
  trickyStrings,
  wrongBodies,
  wrongTypes,
} from '../fixtures/hostile/corpus';
import { hashPassword } from '../../server/auth/password';
import { startTestApp, testConfig, type TestApp } from '../helpers/app';
import { createUser, DEFAULT_PASSWORD, signIn, type Client, type TestUser } from '../helpers/auth';
import { mountedRoutes, type MountedRoute } from '../helpers/routes';
import { createPair } from './chat-fixtures';
import { forumTestEnv, postReply, postThread } from './forum-helpers';
import {
  genericQueryNames,
  routeSpecs,
  type Fixtures,
  type RouteSpec,
  type Staff,
} from './fuzz-routes-table';
import { createAskerProfile, createMentor, goodMessage } from './mentorship-fixtures';

/**
 * Every route the app mounts, every path parameter, query parameter and JSON body field,
 * each given hostile values (the Big List of Naughty Strings, forged cursors, NUL, lone
 * surrogates, malformed percent-encoding, wrong types), as a visitor, as a signed-in member
 * (with the CSRF token, so validation is reached and not just the auth check) and as a
 * moderator / admin where a route is theirs. A client's mistake is a 4xx: no answer is a 5xx.
 *
 * The full product (about 500 values × every parameter × every identity) is too big for a
 * test run, so every parameter gets the forged cursors, NUL, lone surrogates, the edge
 * values (a date that does not exist, 36 dashes, 1.5, int4 + 1…) and a long one; cursor
 * parameters also the forgeries that decode to a list's shape; body fields also the wrong
 * types. The rest of the corpus is dealt out over the parameters in a fixed shuffled order,
 * SAMPLE values each, so every value is used (the last test checks). Where a route turns an
 * identity away before reading anything, or for the generic query names a route does not
 * read, a short list stands in (see plan and probesFor).
 *
 * A failure names the identity, method, path, query, the hostile parameter and value, and
 * the cause the server logged. About 16,000 requests; `TEST_LOG_LEVEL` does not apply here
 * (the server's errors are collected to explain failures).
 */
const SAMPLE = 3;
const CONCURRENCY = 12;

type Who = 'visitor' | 'member' | Staff;

interface Identity {
  who: Who;
  user?: TestUser;
  cookie?: string;
  csrfToken?: string;
}

interface Probe {
  route: string;
  who: Who;
  identity: Identity;
  method: string;
  path: string;
  query: string;
  body?: { text: string; type: string };
  /** Which parameter is hostile, and with what: the failure report's words. */
  where: string;
  value: unknown;
}

interface Answer {
  status: number;
  field?: string;
  text: string;
}

// ---------------------------------------------------------------- corpus and sampling

/** A fixed shuffle (mulberry32): the same order on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The sampled values, in a fixed shuffled order. */
const sampled = shuffled([...new Set([...trickyStrings, ...naughtyStrings])], 10);

/** Deals the sampled corpus round-robin: one dealer per identity, so each sees every value. */
class Dealer {
  private i: number;
  constructor(offset: number) {
    this.i = offset;
  }
  deal(): string[] {
    return Array.from({ length: SAMPLE }, () => sampled[this.i++ % sampled.length]!);
  }
}

/** Strings every parameter gets. */
const everywhere = [...cursorForgeries, ...nulAndSurrogates, ...edgeValues, longText];
/** What a parameter gets from an identity the route turns away first (see probesFor), and
 * what the generic query names get on a route that does not read them. */
const fewStrings = [...nulAndSurrogates, cursorForgeries[1]!, cursorForgeries[8]!, longText];

/** Percent-encodes, lone surrogates included (as the bytes a WTF-8 encoder would send). */
function enc(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out +=
      cp >= 0xd800 && cp <= 0xdfff
        ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('')
        : encodeURIComponent(ch);
  }
  return out;
}

// ---------------------------------------------------------------- schemas and bodies

interface ZodLike {
  shape?: Record<string, unknown>;
  options?: ZodLike[];
  def?: { type?: string; in?: ZodLike; innerType?: ZodLike };
}

/** The top-level field names a schema reads (objects, unions of objects, pipes, refinements). */
function schemaKeys(schema: z.ZodType | readonly string[] | undefined): string[] {
  if (!schema) return [];
  if (Array.isArray(schema)) return [...(schema as readonly string[])];
  const s = schema as unknown as ZodLike;
  if (s.shape) return Object.keys(s.shape);
  if (s.options) return [...new Set(s.options.flatMap((o) => schemaKeys(o as z.ZodType)))];
  const inner = s.def?.in ?? s.def?.innerType;
  return inner ? schemaKeys(inner as z.ZodType) : [];
}

/** Dotted paths to every field of a valid body, nested objects and array items included. */
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value))
    return value.length ? [...here, ...fieldPaths(value[0], [...prefix, '0'])] : here;
  if (value && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => fieldPaths(v, [...prefix, k]))];
  return here;
}

function withValue(base: Record<string, unknown>, path: string[], value: unknown): unknown {
  const copy = structuredClone(base);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

const json = (v: unknown) => ({ text: JSON.stringify(v), type: 'application/json' });

// ---------------------------------------------------------------- the app and its people

let app: TestApp;
let clientDir = '';
let fx: Fixtures;
afterAll(() => (clientDir ? rm(clientDir, { recursive: true, force: true }) : undefined));
let routes: MountedRoute[];
/** Paths no route claims: the API's JSON 404 and the app's last one must stay 4xx too. */
const unrouted: MountedRoute[] = [
  { method: 'GET', path: '/api/no-such-route/:segment', params: ['segment'] },
  { method: 'POST', path: '/api/:segment', params: ['segment'] },
  { method: 'GET', path: '/:segment', params: ['segment'] },
  { method: 'GET', path: '/assets/:segment', params: ['segment'] },
  { method: 'PUT', path: '/assets/:segment', params: ['segment'] },
];
const identities = new Map<Who, Identity>();
const ownIdentities = new Map<string, Identity>();
/** Server-side causes of 5xx answers, by request id (the error handler logs them). */
const causes = new Map<string, string>();

const limits = {
  FORUM_POSTS_PER_HOUR: forumTestEnv.FORUM_POSTS_PER_HOUR,
  FORUM_POSTS_PER_HOUR_NEW: forumTestEnv.FORUM_POSTS_PER_HOUR_NEW,
  FORUM_VOTES_PER_DAY: forumTestEnv.FORUM_VOTES_PER_DAY,
  FORUM_VOTES_PER_DAY_NEW: forumTestEnv.FORUM_VOTES_PER_DAY_NEW,
  // Hundreds of sign-ins, sign-ups and password checks: argon2 at its cheapest (test only).
  ARGON2_MEMORY_KIB: '8',
  ARGON2_TIME_COST: '1',
  RATE_LIMIT_SIGNIN_PER_LOGIN: '1000000',
  RATE_LIMIT_SIGNIN_PER_DEVICE: '1000000',
  RATE_LIMIT_SIGNIN_PER_IP: '1000000',
  RATE_LIMIT_SIGNUP_PER_IP: '1000000',
  RATE_LIMIT_RESET_PER_IP: '1000000',
  MENTORSHIP_MAX_OPEN_REQUESTS: '1000',
};

const identityOf = (c: Client, who: Who, user: TestUser): Identity => ({
  who,
  user,
  cookie: c.cookie,
  csrfToken: c.csrfToken,
});

beforeAll(async () => {
  const logger = pino(
    { level: 'error' },
    {
      write(line: string) {
        const entry = JSON.parse(line) as { req?: { id?: string }; err?: { message?: string } };
        if (entry.req?.id && entry.err) causes.set(entry.req.id, String(entry.err.message));
      },
    },
  );
  // A stand-in client build, so the static files and the app shell are served (and fuzzed).
  clientDir = await mkdtemp(join(tmpdir(), 'sb-fuzz-client-'));
  await mkdir(join(clientDir, 'assets'));
  await writeFile(join(clientDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  await writeFile(join(clientDir, 'assets', 'app-0123abcd.js'), 'console.log(1);');
  app = await startTestApp({ jobs: false, env: limits, logger, clientDir });
  const { db } = app.ctx;
  routes = [...mountedRoutes(app.server.app), ...unrouted];

  const pair = await createPair(db);
  const member = pair.mentee;
  await createAskerProfile(db, member.id);
  const [other, mentor, blockable, moderator, admin] = await Promise.all([
    createUser(db),
    createMentor(db),
    createMentor(db),
    createUser(db, { role: 'moderator' }),
    createUser(db, { role: 'admin' }),
  ]);
  const ownUsers = await Promise.all(
    Object.entries(routeSpecs)
      .filter(([, spec]) => spec.ownUser)
      .map(async ([key]) => [key, await createUser(db)] as const),
  );
  // The same cheap hash for everyone made so far (createUser uses the production cost).
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(DEFAULT_PASSWORD, testConfig(limits)) })
    .execute();
  const [memberC, otherC, pairMentorC, moderatorC, adminC] = await Promise.all(
    [member, other, pair.mentor, moderator, admin].map((u) => signIn(app, u)),
  );
  identities.set('visitor', { who: 'visitor' });
  identities.set('member', identityOf(memberC!, 'member', member));
  identities.set('moderator', identityOf(moderatorC!, 'moderator', moderator));
  identities.set('admin', identityOf(adminC!, 'admin', admin));

  const thread = await postThread(memberC!);
  const reply = await postReply(memberC!, thread.thread.id);
  const busyThread = await postThread(memberC!);
  const busyReply = await postReply(memberC!, busyThread.thread.id);
  const otherThread = await postThread(otherC!);
  const otherReply = await postReply(otherC!, thread.thread.id);
  const modThread = await postThread(otherC!);
  const send = async (c: Client) => {
    const res = await c
      .post(`/api/conversations/${pair.conversationId}/messages`)
      .send({ id: randomUUID(), body: 'Hello there.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return (res.body as { id: string }).id;
  };
  const request = await memberC!
    .post('/api/mentorship-requests')
    .send({ mentor: mentor.handle, message: goodMessage });
  expect(request.status, JSON.stringify(request.body)).toBe(201);
  fx = {
    member,
    other,
    mentor,
    blockable,
    threadId: thread.thread.id,
    replyId: reply.id,
    busyThreadId: busyThread.thread.id,
    busyReplyId: busyReply.id,
    otherThreadId: otherThread.thread.id,
    otherReplyId: otherReply.id,
    modThreadId: modThread.thread.id,
    conversationId: pair.conversationId,
    messageId: await send(memberC!),
    otherMessageId: await send(pairMentorC!),
    requestId: (request.body as { id: string }).id,
    mentorshipId: pair.mentorshipId,
  };

  for (const [key, user] of ownUsers)
    ownIdentities.set(key, identityOf(await signIn(app, user), 'member', user));
});

// ---------------------------------------------------------------- probes

const specOf = (r: MountedRoute): RouteSpec => routeSpecs[`${r.method} ${r.path}`] ?? {};
const isLast = (r: MountedRoute) => r.method === 'DELETE' || specOf(r).last === true;

function whoFor(r: MountedRoute): Who[] {
  const staff = specOf(r).staff;
  return staff ? ['visitor', 'member', staff] : ['visitor', 'member'];
}

/**
 * The probes for one route as one identity. `short`: each parameter gets the short list and
 * its share of the corpus, not everything — where another identity's probes of the same
 * route carry the whole corpus (see plan).
 */
function probesFor(
  r: MountedRoute,
  who: Who,
  how: { dealer: Dealer; short: boolean } | 'baseline',
): Probe[] {
  const key = `${r.method} ${r.path}`;
  const spec = specOf(r);
  const identity = (who === 'member' && ownIdentities.get(key)) || identities.get(who)!;
  const self = identity.user ?? fx.member;
  const params: Record<string, string> = {
    ...Object.fromEntries(r.params.map((p) => [p, randomUUID()])),
    ...spec.params?.(fx),
  };
  const baseQueries = [spec.baseQuery ?? {}].flat();
  const hasBody = !['GET', 'HEAD'].includes(r.method);
  const validBody = () => (hasBody && spec.base ? json(spec.base(fx, self)) : undefined);
  const path = (hostile?: { name: string; segment: string }) =>
    r.path.replace(/[:*]([A-Za-z_$][\w$]*)/g, (_m, name: string) =>
      name === hostile?.name ? hostile.segment : enc(params[name]!),
    );
  const query = (extra = '') => {
    const parts = Object.entries(baseQueries[0]!).map(([k, v]) => `${k}=${enc(v)}`);
    return [...parts, extra].filter(Boolean).join('&');
  };
  const probe = (p: Omit<Probe, 'route' | 'who' | 'identity' | 'method'>): Probe => ({
    route: key,
    who,
    identity,
    method: r.method,
    ...p,
  });
  const baseline = probe({
    path: path(),
    query: query(),
    body: validBody(),
    where: 'valid',
    value: 'valid',
  });
  if (how === 'baseline') return [baseline];
  const { dealer, short } = how;
  // A cursor parameter also gets the forgeries that decode to a real list's shape.
  const strings = (...names: string[]) => [
    ...(short ? fewStrings : everywhere),
    ...(names.some((n) => /cursor/i.test(n)) ? cursorShapeEdges : []),
    ...dealer.deal(),
  ];
  const out: Probe[] = [];

  for (const name of r.params) {
    for (const v of strings(name))
      out.push(
        probe({
          path: path({ name, segment: enc(v) }),
          query: query(),
          body: validBody(),
          where: `path :${name}`,
          value: v,
        }),
      );
    for (const raw of rawPathSegments)
      out.push(
        probe({
          path: path({ name, segment: raw }),
          query: query(),
          body: validBody(),
          where: `path :${name} (raw)`,
          value: raw,
        }),
      );
  }

  // Declared query names one at a time; the generic names a route does not declare all at
  // once (it should ignore them, so one request per value shows whether it does).
  const declared = schemaKeys(spec.query);
  const undeclared =
    r.method === 'GET' ? genericQueryNames.filter((n) => !declared.includes(n)) : [];
  const querySlots = [...declared.map((n) => [n]), ...(undeclared.length ? [undeclared] : [])];
  // Further base queries only re-fuzz the cursor: it means something else in every sort.
  for (const [i, base] of baseQueries.entries())
    for (const names of i === 0 ? querySlots : querySlots.filter((n) => n.includes('cursor'))) {
      const others = Object.entries(base).filter(([k]) => !names.includes(k));
      const q = (value: (n: string) => string) =>
        [...others.map(([k, v]) => `${k}=${enc(v)}`), ...names.map(value)].join('&');
      const where = `query ${names.join(',')}${others.length ? ` (with ${others.map(([k, v]) => `${k}=${v}`).join('&')})` : ''}`;
      // Names the route does not read get the short list (and their share of the corpus).
      const values = names === undeclared ? [...fewStrings, ...dealer.deal()] : strings(...names);
      for (const v of values)
        out.push(
          probe({
            path: path(),
            query: q((n) => `${n}=${enc(v)}`),
            body: validBody(),
            where,
            value: v,
          }),
        );
      for (const [what, pair] of [
        ['repeated', (n: string) => `${n}=a&${n}=b`],
        ['without a value', (n: string) => n],
        ['malformed %', (n: string) => `${n}=%E0%A4%A`],
        ['lone %', (n: string) => `${n}=%`],
      ] as const)
        out.push(probe({ path: path(), query: q(pair), body: validBody(), where, value: what }));
    }

  if (hasBody) {
    if (spec.base) {
      const fields = [
        ...new Set([
          ...fieldPaths(spec.base(fx, self)).map((p) => p.join('.')),
          ...schemaKeys(spec.body),
        ]),
      ];
      for (const field of fields)
        for (const v of [...strings(field), ...(short ? [] : wrongTypes)])
          out.push(
            probe({
              path: path(),
              query: query(),
              body: json(withValue(spec.base(fx, self), field.split('.'), v)),
              where: `body ${field}`,
              value: v,
            }),
          );
    }
    for (const body of short ? wrongBodies.slice(0, 3) : wrongBodies)
      out.push(
        probe({ path: path(), query: query(), body, where: 'whole body', value: body.text }),
      );
  }
  return out;
}

// ---------------------------------------------------------------- sending

let agent: http.Agent;
let sent = 0;
afterAll(() => agent?.destroy());

function send(p: Probe): Promise<Answer & { requestId: string }> {
  const { port } = new URL(app.url);
  const requestId = `fuzz-${(sent++).toString().padStart(8, '0')}`;
  const headers: Record<string, string> = { origin: app.url, 'x-request-id': requestId };
  if (p.identity.cookie) {
    headers.cookie = p.identity.cookie;
    headers['x-csrf-token'] = p.identity.csrfToken!;
  }
  const body = p.body === undefined ? undefined : Buffer.from(p.body.text);
  if (body) {
    headers['content-type'] = p.body!.type;
    headers['content-length'] = String(body.length);
  }
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: p.method,
        path: p.query ? `${p.path}?${p.query}` : p.path,
        headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let field: string | undefined;
          try {
            field = (JSON.parse(text) as { error?: { field?: string } }).error?.field;
          } catch {
            field = undefined;
          }
          resolve({ status: res.statusCode ?? 0, field, text, requestId });
        });
      },
    );
    req.on('error', (err) => resolve({ status: 0, text: `no answer: ${err.message}`, requestId }));
    req.end(body);
  });
}

const usedValues = new Set<unknown>();
/** Routes where someone got a 400 naming a field: validation was reached. */
const validated = new Set<string>();
const statusCounts = new Map<number, number>();
/** Routes that answered some 400 without naming a field (reported, not asserted). */
const unnamed = new Set<string>();

/** Sends the probes, CONCURRENCY at a time; the failures, each with route, parameter, value. */
async function fuzz(probes: Probe[]): Promise<{ failures: string[]; statuses: number[] }> {
  const failures: string[] = [];
  const statuses: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const i = next++;
      const p = probes[i]!;
      const a = await send(p);
      statuses[i] = a.status;
      usedValues.add(p.value);
      statusCounts.set(a.status, (statusCounts.get(a.status) ?? 0) + 1);
      if (a.status === 400 && a.field && p.who !== 'visitor') validated.add(p.route);
      if (a.status === 400 && !a.field) unnamed.add(p.route);
      if (a.status >= 500 || a.status === 0)
        failures.push(
          `${a.status} ${p.who} ${p.method} ${p.path}${p.query ? `?${p.query.slice(0, 200)}` : ''} — ${p.where} = ${JSON.stringify(p.value)?.slice(0, 120)} — ${causes.get(a.requestId) ?? a.text.slice(0, 200)}`,
        );
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { failures, statuses };
}

/**
 * Every probe of the chosen routes, for each identity that should try them: the whole corpus,
 * except for an identity the route turns away before reading anything (a visitor on a
 * members' route, a member on a moderator's), which gets the short list. Those are found by
 * one valid request per route first, from a visitor (and a member on staff routes): a 401
 * or 403 there.
 */
async function plan(which: (r: MountedRoute) => boolean): Promise<Probe[]> {
  const chosen = routes.filter(which);
  const first = chosen.flatMap((r) =>
    (specOf(r).staff ? (['visitor', 'member'] as const) : (['visitor'] as const)).map((who) => ({
      r,
      who,
    })),
  );
  const baselines = await fuzz(first.map(({ r, who }) => probesFor(r, who, 'baseline')[0]!));
  expect(baselines.failures).toEqual([]);
  const gated = new Set(
    first
      .filter((_f, i) => [401, 403].includes(baselines.statuses[i]!))
      .map(({ r, who }) => `${who} ${r.method} ${r.path}`),
  );
  const dealers = new Map<Who, Dealer>(
    (['visitor', 'member', 'moderator', 'admin'] as const).map((w, i) => [w, new Dealer(i * 131)]),
  );
  // Interleaved, so the requests in flight touch different rows instead of queueing on one.
  const probes = chosen.flatMap((r) =>
    whoFor(r).flatMap((who) =>
      probesFor(r, who, {
        dealer: dealers.get(who)!,
        short: gated.has(`${who} ${r.method} ${r.path}`),
      }),
    ),
  );
  return shuffled(probes, 20);
}

// ---------------------------------------------------------------- tests

describe('fuzzing every route with hostile values', () => {
  it('finds every route the app mounts', () => {
    const keys = mountedRoutes(app.server.app).map((r) => `${r.method} ${r.path}`);
    expect(keys.length).toBeGreaterThan(80);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/threads',
        'POST /api/threads',
        'PATCH /api/replies/:id',
        'GET /api/conversations/:id/messages',
        'POST /api/moderation/users/:id/suspend',
        'POST /api/moderation/chat-reports/:id/resolve',
        'PUT /api/me/mentor-profile',
        'GET /unsubscribe',
      ]),
    );
    // The table describes routes that exist (a renamed route must not leave it stale).
    expect(Object.keys(routeSpecs).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('no answer is a 5xx: every route but the destructive ones', { timeout: 180_000 }, async () => {
    agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const probes = await plan((r) => !isLast(r));
    expect(probes.length).toBeGreaterThan(5_000);
    expect((await fuzz(probes)).failures).toEqual([]);
    // Still signed in: the member's requests reached the routes, not a 401.
    const session = await send({
      route: 'GET /api/session',
      who: 'member',
      identity: identities.get('member')!,
      method: 'GET',
      path: '/api/session',
      query: '',
      where: 'check',
      value: 'check',
    });
    expect(JSON.parse(session.text).viewer?.id).toBe(fx.member.id);
  });

  it('no answer is a 5xx: the routes that delete things', { timeout: 120_000 }, async () => {
    expect((await fuzz(await plan(isLast))).failures).toEqual([]);
  });

  it('reached validation on every route that validates, and used the whole corpus', () => {
    const validating = routes
      .filter((r) => {
        const s = specOf(r);
        return (s.query && !Array.isArray(s.query)) || s.body;
      })
      .map((r) => `${r.method} ${r.path}`);
    expect(validating.filter((k) => !validated.has(k))).toEqual([]);
    const unused = [...sampled, ...everywhere, ...cursorShapeEdges, ...wrongTypes].filter(
      (v) => !usedValues.has(v),
    );
    expect(unused).toEqual([]);
    console.info(
      `fuzz: ${sent} requests; statuses ${JSON.stringify(Object.fromEntries(statusCounts))}; ` +
        `400s naming no field from: ${[...unnamed].join(', ') || 'none'}`,
    );
  });
});
