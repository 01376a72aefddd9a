/**
 * SIGTERM under load, as a load balancer or Kubernetes sends it: a real server process with
 * 100 sockets open and 20 keep-alive clients writing. Nothing the server accepted is cut off
 * (every stored write was acknowledged, every acknowledged write is stored), the sockets are
 * told and closed, the process exits 0 within SHUTDOWN_TIMEOUT_MS + 1 s, and it logs no error.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../helpers/auth';
import {
  connectSocket,
  signInAt,
  startServerProcess,
  type ClientSocket,
  type ServerProcess,
} from '../helpers/cluster';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const SHUTDOWN_TIMEOUT_MS = 5_000;
let database: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess({
    DATABASE_URL: database.url,
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    // One process, no cluster: what is measured is this process's own drain.
    CLUSTER: 'off',
  });
});

afterAll(async () => {
  await server?.stop();
  await database?.destroy();
});

type Outcome =
  | { kind: 'acked'; id: string }
  | { kind: 'answered'; id: string; status: number }
  | { kind: 'no-answer'; id: string; error: string };

it('drains on SIGTERM: nothing accepted is cut off, sockets are told, exit 0 in time, no error logged', async () => {
  const users = await Promise.all(Array.from({ length: 20 }, () => createUser(database.db)));
  const clients = await Promise.all(users.map((u) => signInAt(server.url, u)));
  const thread = await clients[0]!.post('/api/threads').send({
    id: randomUUID(),
    title: 'What happens to my reply when the server restarts?',
    body: 'Twenty people write while the server is asked to stop.',
    tags: ['career-switch'],
  });
  expect(thread.status, JSON.stringify(thread.body)).toBe(201);
  const threadId = thread.body.thread.id as string;

  // 100 sockets: five per member.
  const sockets: ClientSocket[] = [];
  for (const client of clients)
    for (let i = 0; i < 5; i++) sockets.push(await connectSocket(server.url, client.cookie));
  const told = sockets.map(
    (s) => new Promise<void>((resolve) => s.once('server:shutdown', () => resolve())),
  );
  const closed = sockets.map(
    (s) => new Promise<void>((resolve) => s.once('disconnect', () => resolve())),
  );

  // Keep-alive writers (fetch reuses its connections, as browsers and proxies do).
  const outcomes: Outcome[] = [];
  let signalled = false;
  let sentAfterSignal = 0;
  const writers = clients.map(async (client) => {
    for (;;) {
      const id = randomUUID();
      if (signalled) sentAfterSignal++;
      try {
        const res = await fetch(`${server.url}/api/threads/${threadId}/replies`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: client.cookie,
            origin: server.url,
            'x-csrf-token': client.csrfToken,
          },
          body: JSON.stringify({ id, body: `Writing through the stop (${id}).` }),
        });
        await res.arrayBuffer();
        outcomes.push(
          res.status === 201 ? { kind: 'acked', id } : { kind: 'answered', id, status: res.status },
        );
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        outcomes.push({
          kind: 'no-answer',
          id,
          error: cause?.code ?? cause?.message ?? String(err),
        });
        // The listener is closed: this writer's next request would be refused as well.
        if (cause?.code === 'ECONNREFUSED') return;
      }
    }
  });

  // Load first, then the signal in the middle of it.
  while (outcomes.filter((o) => o.kind === 'acked').length < 100)
    await new Promise((r) => setTimeout(r, 20));
  const signalledAt = Date.now();
  signalled = true;
  const exitCode = await server.stop();
  const tookMs = Date.now() - signalledAt;
  await Promise.all(writers);

  expect(exitCode).toBe(0);
  expect(tookMs).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 1_000);
  await Promise.all(told);
  await Promise.all(closed);

  const log = server.output();
  const errors = log
    .split('\n')
    .filter(
      (line) => /"level":(50|60)/.test(line) || /driver has already been destroyed/.test(line),
    );
  expect(errors).toEqual([]);
  expect(log).not.toContain('did not finish in time');
  expect(log).toContain('stopped cleanly');

  // Every answer was a success: the server never answered a write it had accepted with an
  // error while stopping.
  expect(outcomes.filter((o) => o.kind === 'answered')).toEqual([]);
  const stored = new Set(
    (
      await database.db
        .selectFrom('replies')
        .select('id')
        .where('thread_id', '=', threadId)
        .execute()
    ).map((r) => r.id),
  );
  const acked = outcomes.filter((o) => o.kind === 'acked').map((o) => o.id);
  expect(acked.filter((id) => !stored.has(id))).toEqual([]);
  // A request without an answer was never accepted: it left nothing behind.
  const unanswered = outcomes.filter((o) => o.kind === 'no-answer');
  expect(unanswered.filter((o) => stored.has(o.id))).toEqual([]);
  expect(stored.size).toBe(acked.length);
  // The writers really were writing when the signal came, and were then turned away.
  expect(sentAfterSignal).toBeGreaterThan(0);
  expect(unanswered.length).toBeGreaterThan(0);
}, 90_000);
