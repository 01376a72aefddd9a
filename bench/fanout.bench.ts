/**
 * Fan-out: one reply posted to a thread that 1,000 sockets follow — time from the POST to
 * the LAST socket's receipt, p50/p95 over 50 posts — against a bare Socket.IO server that
 * INSERTs the same payload into one table and broadcasts it to 1,000 sockets, measured in
 * the same run, interleaved (budget: p95 <= 2x). Also memory retained per idle authenticated
 * socket against a bare socket (budget <= 1.5x).
 *
 * The sockets live in separate client processes (bench/servers/bare-socketio-clients.ts),
 * 250 each, connecting like the web client does (polling handshake, then websocket upgrade;
 * FANOUT_TRANSPORT=websocket measures websocket-only clients). Receipt times use the
 * system-wide monotonic clock, so they compare across processes. Both servers run with
 * --expose-gc and a probe (bench/servers/bare-socketio-probe.ts) that reports memory after
 * a full collection.
 */
import { randomUUID } from 'node:crypto';
import { createDb, createPool } from '../server/db';
import { hashPassword } from '../server/auth/password';
import { benchPostgres, freshDatabase } from './env';
import { spawnProbedServer as spawnServer, type ProbedServer as Server } from './probed-server';
import { figure, percentile, type Figure } from './lib';
import { all, fanout, startWorkers, WORKERS, type Worker } from './servers/bare-socketio-clients';

const SOCKETS = 1000;
const POSTS = 50;
const ROUNDS = 5;

export default async function run(): Promise<Figure[]> {
  const pg = await benchPostgres();
  const stops: (() => Promise<unknown>)[] = [];
  try {
    // ---- Switchboard
    const appDb = await freshDatabase(pg.adminUrl, 'fanout');
    const app = await spawnServer(['server/main.ts'], {
      DATABASE_URL: appDb,
      NODE_ENV: 'production',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
      BUILD_CLIENT: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      HOST: '127.0.0.1',
      PORT: '0',
      FORUM_POSTS_PER_HOUR: '100000',
      FORUM_POSTS_PER_HOUR_NEW: '100000',
    });
    stops.push(app.stop);
    const session = await signedInMember(app.url, appDb);
    const threadId = await postThread(app.url, session);
    const appWorkers = await startWorkers();
    stops.push(() => Promise.all(appWorkers.map((w) => w.close())));
    const appMem = await memoryPerSocket(app, appWorkers, session.cookie);
    await all(appWorkers, { type: 'join', event: 'thread:join', payload: { threadId } });

    // ---- bare Socket.IO
    const bareDb = await freshDatabase(pg.adminUrl, 'fanout_bare');
    const bare = await spawnServer(['bench/servers/bare-socketio.ts'], { PG_URL: bareDb });
    stops.push(bare.stop);
    const bareWorkers = await startWorkers();
    stops.push(() => Promise.all(bareWorkers.map((w) => w.close())));
    const bareMem = await memoryPerSocket(bare, bareWorkers);
    await all(bareWorkers, { type: 'join', event: 'join' });

    // ---- fan-out, interleaved rounds
    let sample: unknown;
    appWorkers[0]!.onSample = (e) => (sample ??= e);
    const postReply = (key: string) =>
      fetch(`${app.url}/api/threads/${threadId}/replies`, {
        method: 'POST',
        headers: session.headers,
        body: JSON.stringify({ id: key, parentId: null, body: `Fan-out reply ${key}` }),
      });
    const postBare = (key: string) =>
      fetch(`${bare.url}/post`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(withKey(sample, key)),
      });
    for (let i = 0; i < 5; i++) await fanout(appWorkers, postReply); // warm-up (and sample)
    for (let i = 0; i < 5; i++) await fanout(bareWorkers, postBare);
    const appTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < POSTS / ROUNDS; i++) appTimes.push(await fanout(appWorkers, postReply));
      for (let i = 0; i < POSTS / ROUNDS; i++) bareTimes.push(await fanout(bareWorkers, postBare));
    }
    appTimes.sort((a, b) => a - b);
    bareTimes.sort((a, b) => a - b);
    const label = 'bare Socket.IO + 1 INSERT';
    return [
      figure({
        name: `reply to ${SOCKETS} sockets, POST → last receipt, p50`,
        value: percentile(appTimes, 50),
        unit: 'ms',
        baseline: percentile(bareTimes, 50),
        baselineLabel: label,
        budget: { report: true },
      }),
      figure({
        name: `reply to ${SOCKETS} sockets, POST → last receipt, p95`,
        value: percentile(appTimes, 95),
        unit: 'ms',
        baseline: percentile(bareTimes, 95),
        baselineLabel: label,
        budget: { ratioAtMost: 2 },
      }),
      figure({
        name: 'memory retained per idle authenticated socket (heap + external)',
        value: appMem.retained / 1024,
        unit: 'KiB',
        baseline: bareMem.retained / 1024,
        baselineLabel: 'bare Socket.IO socket',
        budget: { ratioAtMost: 1.5 },
      }),
      figure({
        name: 'RSS growth per idle authenticated socket',
        value: appMem.rss / 1024,
        unit: 'KiB',
        baseline: bareMem.rss / 1024,
        baselineLabel: 'bare Socket.IO socket',
        budget: { report: true },
      }),
    ];
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await pg.stop();
  }
}

/** Median of three probes, before and after SOCKETS idle sockets connect. */
async function memoryPerSocket(server: Server, workers: Worker[], cookie?: string) {
  const probe = async () => {
    const xs = [await server.memory(), await server.memory(), await server.memory()];
    const mid = (k: 'retained' | 'rss') => xs.map((x) => x[k]).sort((a, b) => a - b)[1]!;
    return { retained: mid('retained'), rss: mid('rss') };
  };
  // Warm the code paths (handshake, session, rooms) so the first sockets don't pay for them.
  await workers[0]!.send({ type: 'connect', url: server.url, count: 50, cookie });
  await workers[0]!.send({ type: 'drop', count: 50 });
  await pause(500);
  const before = await probe();
  await all(workers, { type: 'connect', url: server.url, count: SOCKETS / WORKERS, cookie });
  await pause(1500);
  const after = await probe();
  return {
    retained: (after.retained - before.retained) / SOCKETS,
    rss: (after.rss - before.rss) / SOCKETS,
  };
}

async function signedInMember(url: string, dbUrl: string) {
  const db = createDb(createPool(dbUrl, 2));
  const password = 'fanout bench password';
  await db
    .insertInto('users')
    .values({
      handle: 'fanout_bench',
      email: 'fanout@bench.test',
      display_name: 'Fan-out Bench',
      password_hash: await hashPassword(password),
      role: 'member',
      bio: '',
      email_verified_at: new Date(),
      created_at: new Date(Date.now() - 30 * 86_400_000),
    })
    .execute();
  await db.destroy();
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ login: 'fanout_bench', password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sb.sid='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    headers: {
      'Content-Type': 'application/json',
      Origin: url,
      Cookie: cookie,
      'X-CSRF-Token': csrfToken,
    },
  };
}

async function postThread(url: string, session: { headers: Record<string, string> }) {
  const id = randomUUID();
  const res = await fetch(`${url}/api/threads`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({
      id,
      title: 'Fan-out benchmark thread',
      body: 'A thread that a thousand readers follow.',
      tags: ['career-switch'],
    }),
  });
  if (res.status !== 201) throw new Error(`thread: ${res.status} ${await res.text()}`);
  return id;
}

function withKey(envelope: unknown, key: string): unknown {
  const e = structuredClone(envelope) as { event: { reply: { id: string } } };
  e.event.reply.id = key;
  return e;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
