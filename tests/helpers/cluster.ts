/**
 * Realtime test helpers: real server PROCESSES (`node --import tsx server/main.ts`) sharing
 * one test database, and typed socket.io-client connections.
 *
 *   const cluster = await startCluster({ adapter: 'postgres' });   // two instances, A and B
 *   const maya = await createUser(cluster.database.db);
 *   const mayaOnB = await signInAt(cluster.b.url, maya);           // real sign-in on B
 *   const socket = await connectSocket(cluster.a.url, mayaOnB.cookie);
 *   await mayaOnB.post(`/api/threads/${id}/replies`).send({...});
 *   await nextEvent(socket, 'thread:event');
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import request from 'supertest';
import { afterAll, expect } from 'vitest';
import type { ViewerInfo } from '../../shared/api/auth';
import type {
  AckResult,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../shared/realtime/events';
import { projectRoot } from '../../server/db/connect';
import type { Client, TestUser } from './auth';
import { sessionCookieFrom } from './auth';
import { createTestDatabase, type TestDatabase } from './db';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Limits high enough that the realtime tests never trip the forum's posting rules. */
export const roomyEnv = {
  FORUM_POSTS_PER_HOUR: '1000',
  FORUM_POSTS_PER_HOUR_NEW: '1000',
  FORUM_VOTES_PER_DAY: '1000',
  FORUM_VOTES_PER_DAY_NEW: '1000',
};

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'server/main.ts')],
    {
      cwd: projectRoot,
      env: {
        // Not the runner's VITEST: a server process starts as a deployment would (NODE_ENV=test
        // alone gets a random session secret; startCluster gives its two a shared one).
        ...withoutRunnerVars(process.env),
        // test: cheap argon2.
        NODE_ENV: 'test',
        LOG_PRETTY: 'false',
        LOG_LEVEL: 'info',
        BUILD_CLIENT: 'false',
        SEED_DEMO: 'false',
        PORT: '0',
        HOST: '127.0.0.1',
        ARGON2_MEMORY_KIB: '1024',
        ARGON2_TIME_COST: '1',
        ...roomyEnv,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let url: string | undefined;
  for (let i = 0; i < 300 && !url && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const port = /running at http:\/\/\S+?:(\d+)/.exec(output)?.[1];
    if (port) url = `http://127.0.0.1:${port}`;
  }
  if (!url) {
    child.kill('SIGKILL');
    throw new Error(`server process did not start:\n${output}`);
  }
  let stopped: Promise<number | null> | undefined;
  return {
    url,
    child,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return (stopped ??= exited);
    },
  };
}

function withoutRunnerVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('VITEST')));
}

export interface Cluster {
  database: TestDatabase;
  a: ServerProcess;
  b: ServerProcess;
  close(): Promise<void>;
}

/**
 * Two instances on one fresh database, with the given adapter. The caller closes it (an
 * `afterAll` registered from inside a `beforeAll` never runs, and the processes outlive the
 * test run).
 */
export async function startCluster(
  opts: { adapter: 'postgres' | 'redis'; env?: Record<string, string> } = { adapter: 'postgres' },
): Promise<Cluster> {
  const database = await createTestDatabase();
  const env = {
    DATABASE_URL: database.url,
    CLUSTER: opts.adapter,
    // One secret for both, as a real deployment configures it: each accepts the other's cookies.
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ...(opts.adapter === 'redis'
      ? {
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          // Own streams and channels: other runs may share this Redis.
          REDIS_PREFIX: `sbtest:${database.name}`,
        }
      : {}),
    ...opts.env,
  };
  // Both at once, as docker-compose starts them (tests/integration/two-instances.test.ts).
  const [first, second] = await Promise.allSettled([
    startServerProcess(env),
    startServerProcess(env),
  ]);
  if (first.status === 'rejected' || second.status === 'rejected') {
    await Promise.all([first, second].map((r) => r.status === 'fulfilled' && r.value.stop()));
    throw first.status === 'rejected' ? first.reason : (second as PromiseRejectedResult).reason;
  }
  const [a, b] = [first.value, second.value];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.all([a.stop(), b.stop()]);
    await database.destroy();
  };
  return { database, a, b, close };
}

/** Signs in through the real endpoint of the instance at `url`. */
export async function signInAt(
  url: string,
  user: Pick<TestUser, 'handle' | 'password'>,
): Promise<Client> {
  const agent = request.agent(url);
  agent.set('Origin', url);
  const res = await agent
    .post('/api/auth/sign-in')
    .send({ login: user.handle, password: user.password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  agent.set('X-CSRF-Token', res.body.csrfToken);
  return Object.assign(agent, {
    viewer: res.body.viewer as ViewerInfo,
    csrfToken: res.body.csrfToken as string,
    cookie: sessionCookieFrom(res.headers['set-cookie']),
  });
}

const sockets: ClientSocket[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));

/** A connected socket (anonymous without a cookie), websocket only, closed after the file. */
export async function connectSocket(
  url: string,
  cookie?: string,
  opts: { reconnection?: boolean } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    transports: ['websocket'],
    reconnection: opts.reconnection ?? false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Emits with an acknowledgement and returns it (fails the test after `ms`). */
export async function ask<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  ...args: Parameters<ClientToServerEvents[E]> extends [...infer I, unknown] ? I : never
): Promise<AckResult<AckData<E>>> {
  return (await (socket.timeout(5000).emitWithAck as (...a: unknown[]) => Promise<unknown>)(
    event,
    ...args,
  )) as AckResult<AckData<E>>;
}

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [...unknown[], (r: AckResult<infer T>) => void]
    ? T
    : unknown;

/** Collects every `event` a socket receives, for assertions on order and duplicates. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const got: Parameters<ServerToClientEvents[E]>[0][] = [];
  socket.on(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) =>
    got.push(payload)) as never);
  return got;
}

/** Polls until `check` passes (its last failure is rethrown after `ms`). */
export async function eventually(check: () => void | Promise<void>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Is anything answering at REDIS_URL (default 127.0.0.1:6379)? */
export async function redisAnswers(): Promise<boolean> {
  const { createClient } = await import('redis');
  const client = createClient({
    url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    socket: { connectTimeout: 1000, reconnectStrategy: false },
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return true;
  } catch {
    return false;
  }
}
