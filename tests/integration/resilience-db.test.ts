/**
 * The database as weather: a real server process on a Postgres of the test's own, restarted
 * fast and killed with -9 while 20 clients write. The process never exits, serves again soon
 * after Postgres is back, answers the outage with 503 + Retry-After, and loses no
 * acknowledged write.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { createDb, createPool, type Db } from '../../server/db';
import { guardPool } from '../../server/db/faults';
import { createUser } from '../helpers/auth';
import {
  connectSocket,
  eventually,
  signInAt,
  startServerProcess,
  type ServerProcess,
} from '../helpers/cluster';
import { startOwnPostgres, type OwnPostgres } from '../helpers/own-postgres';

const SESSION_SECRET = 'resilience-test-secret-0123456789abcdef';
const SHUTDOWN_TIMEOUT_MS = 10_000;
let pg: OwnPostgres;
let server: ServerProcess;
let db: Db;

beforeAll(async () => {
  pg = await startOwnPostgres();
  server = await startServerProcess({
    DATABASE_URL: pg.url,
    // Twenty writers and the job workers (every reply mails the thread's author) in one
    // process, on the default pools: the workers' backlog after an outage must not starve
    // the requests (they have connections of their own, JOBS_POOL_SIZE).
    JOBS_ENABLED: 'true',
    SESSION_SECRET,
  });
  db = createDb(guardPool(createPool(pg.url, 4), pino({ level: 'silent' })));
});

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  await pg?.destroy();
});

it('keeps serving through a fast restart and a kill -9 of Postgres, losing no acknowledged write', async () => {
  // What the server said about the outage is the first thing to read when this fails.
  onTestFailed(() => console.error(server.output().split('\n').slice(-60).join('\n')));
  const users = await Promise.all(Array.from({ length: 20 }, () => createUser(db)));
  const clients = await Promise.all(users.map((u) => signInAt(server.url, u)));
  const thread = await clients[0]!.post('/api/threads').send({
    id: randomUUID(),
    title: 'Does the forum survive a database restart?',
    body: 'Twenty people write while Postgres restarts underneath them.',
    tags: ['career-switch'],
  });
  expect(thread.status, JSON.stringify(thread.body)).toBe(201);
  const threadId = thread.body.thread.id as string;

  const acked: string[] = [];
  const outage: { status: number; retryAfter?: string; code?: string }[] = [];
  const transportErrors: string[] = [];
  let running = true;
  const writers = clients.map(async (client) => {
    while (running) {
      const id = randomUUID();
      try {
        const res = await client
          .post(`/api/threads/${threadId}/replies`)
          .send({ id, body: `Still here, still writing (${id}).` });
        if (res.status === 201) acked.push(id);
        else {
          outage.push({
            status: res.status,
            retryAfter: res.headers['retry-after'],
            code: res.body?.error?.code,
          });
          await new Promise((r) => setTimeout(r, 50));
        }
      } catch (err) {
        transportErrors.push(String(err));
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });

  const ackedSoon = async () => {
    const before = acked.length;
    await eventually(
      () => expect(acked.length, JSON.stringify(outage.slice(-3))).toBeGreaterThan(before + 20),
      5_000,
    );
  };
  await ackedSoon();
  await pg.restartFast();
  await ackedSoon(); // within 5 s of Postgres being back
  await pg.kill9();
  await eventually(() => expect(outage.length).toBeGreaterThan(0), 5_000);
  await pg.start();
  await ackedSoon();
  running = false;
  await Promise.all(writers);

  expect(server.child.exitCode).toBeNull();
  expect(transportErrors).toEqual([]);
  for (const o of outage) {
    expect(o.status).toBe(503);
    expect(o.code).toBe('unavailable');
    expect(Number(o.retryAfter)).toBeGreaterThan(0);
  }
  const stored = await db
    .selectFrom('replies')
    .select('id')
    .where('thread_id', '=', threadId)
    .execute();
  const storedIds = new Set(stored.map((r) => r.id));
  expect(acked.filter((id) => !storedIds.has(id))).toEqual([]);
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
}, 90_000);

it('two instances survive pg_terminate_backend of every app connection; LISTEN comes back', async () => {
  // One secret for both instances: a cookie from one is a session on the other.
  const other = await startServerProcess({
    DATABASE_URL: pg.url,
    CLUSTER: 'postgres',
    SESSION_SECRET,
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  });
  try {
    const user = await createUser(db);
    const onOther = await signInAt(other.url, user);
    const socket = await connectSocket(server.url, onOther.cookie);
    const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`.execute(db);
    // Both instances re-subscribe (their LISTEN connections are new backends).
    await eventually(async () => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE query LIKE 'LISTEN switchboard_notification%'`.execute(db);
      expect(rows[0]!.n).toBeGreaterThanOrEqual(2);
    }, 10_000);
    for (const s of [server, other]) {
      expect(s.child.exitCode).toBeNull();
      await eventually(async () => expect((await fetch(`${s.url}/readyz`)).status).toBe(200));
    }
    expect(socket.connected).toBe(true);
    // Signing out on one instance still cuts the user's socket on the other.
    await eventually(async () =>
      expect((await onOther.post('/api/auth/sign-out')).status).toBe(204),
    );
    await dropped;

    // More drops than the adapter's pool has slots: each time its LISTEN client comes back
    // (a dropped client that was never given back would use a slot up for good).
    const adapterListening = async () => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE query LIKE 'LISTEN "socket.io#%'`.execute(db);
      return rows[0]!.n;
    };
    for (let drop = 0; drop < 5; drop++) {
      await eventually(async () => expect(await adapterListening()).toBe(1), 10_000);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE query LIKE 'LISTEN "socket.io#%'`.execute(db);
    }
    await eventually(async () => expect(await adapterListening()).toBe(1), 10_000);
    // And a stop after all that drains at once (it used to wait on the dropped clients).
    const stopping = Date.now();
    expect(await other.stop()).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
  } finally {
    await other.stop();
  }
}, 90_000);
