import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as ioClient } from 'socket.io-client';
import { z } from 'zod';
import { pruneThreadEvents } from '../../server/realtime/replay';
import { SocketEvents } from '../../server/realtime/guard';
import type { Io } from '../../server/realtime/types';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { ask, collect, connectSocket, eventually, roomyEnv } from '../helpers/cluster';
import { postReply, postThread } from './forum-helpers';

/** Flooding, oversized messages, failing handlers, typing — one instance. */
let app: TestApp;
let maya: Client;
let threadId: string;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const logged: { msg: string; event?: string; err?: { message?: string } }[] = [];

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const { pino } = await import('pino');
  const logger = pino(
    { level: 'warn' },
    { write: (line: string) => void logged.push(JSON.parse(line) as (typeof logged)[number]) },
  );
  app = await startTestApp({ env: { ...roomyEnv, SOCKET_EVENTS_PER_10S: '20' }, logger });
  maya = await signIn(app, await createUser(app.ctx.db));
  threadId = (await postThread(maya)).thread.id;
  // Handlers that fail, in the same table as the real ones (server/realtime/guard.ts).
  const events = SocketEvents.of(app.server.io as unknown as Io);
  events.on('test:throws', null, () => {
    throw new Error('synchronous boom');
  });
  events.on('test:rejects', z.object({ n: z.number() }), async () => {
    await Promise.resolve();
    throw new Error('asynchronous boom');
  });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await app?.close();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Raw = { timeout(ms: number): { emitWithAck(e: string, ...a: unknown[]): Promise<unknown> } };

describe('a failing handler', () => {
  it('answers with an error ack, logs the cause with context, and the server goes on', async () => {
    const socket = await connectSocket(app.url);
    const raw = socket as unknown as Raw;
    expect(await raw.timeout(3000).emitWithAck('test:throws')).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('test:throws') },
    });
    expect(await raw.timeout(3000).emitWithAck('test:rejects', { n: 1 })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await raw.timeout(3000).emitWithAck('test:rejects', { n: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'n' },
    });
    expect(logged.filter((l) => l.msg === 'socket handler failed').map((l) => l.event)).toEqual(
      expect.arrayContaining(['test:throws', 'test:rejects']),
    );
    expect(unhandled).toEqual([]);
    expect(await ask(socket, 'thread:join', { threadId })).toMatchObject({ ok: true });
  });

  it('a real handler whose query fails (table gone) answers internal and nothing crashes', async () => {
    const socket = await connectSocket(app.url);
    await app.ctx.db.schema.alterTable('thread_event_counters').renameTo('tec_away').execute();
    try {
      expect(await ask(socket, 'thread:join', { threadId })).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
      // Without an acknowledgement the socket is told by a notice instead.
      const notices = collect(socket, 'server:notice');
      (socket as unknown as { emit(e: string, p: unknown): void }).emit('thread:replay', {
        threadId,
        lastSeq: 0,
      });
      await eventually(() => expect(notices[0]).toMatchObject({ event: 'thread:replay' }));
    } finally {
      await app.ctx.db.schema.alterTable('tec_away').renameTo('thread_event_counters').execute();
    }
    expect(unhandled).toEqual([]);
    expect(await ask(socket, 'thread:join', { threadId })).toMatchObject({ ok: true });
  });
});

describe('limits', () => {
  it('a flooding socket is told, then disconnected; others are unaffected', async () => {
    const flooder = await connectSocket(app.url);
    const bystander = await connectSocket(app.url);
    await ask(bystander, 'thread:join', { threadId });
    const notices = collect(flooder, 'server:notice');
    const acks: unknown[] = [];
    const disconnected = new Promise<string>((r) => flooder.on('disconnect', r));
    for (let i = 0; i < 60; i++)
      flooder.emit('thread:leave', { threadId }, (res) => acks.push(res));
    expect(await disconnected).toBe('io server disconnect');
    expect(acks).toContainEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: expect.stringContaining('at most 20 per 10 seconds'),
      },
    });
    expect(notices.at(-1)).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('Disconnected'),
    });
    expect(bystander.connected).toBe(true);
    expect(await ask(bystander, 'thread:join', { threadId })).toMatchObject({ ok: true });
  });

  it('a message over 64 KB closes that connection only', async () => {
    const big = await connectSocket(app.url);
    const bystander = await connectSocket(app.url);
    const disconnected = new Promise<string>((r) => big.on('disconnect', r));
    big.emit('thread:join', { threadId: 'x'.repeat(70 * 1024) }, () => {});
    expect(await disconnected).toBe('transport close');
    await pause(100);
    expect(bystander.connected).toBe(true);
    expect(await ask(bystander, 'thread:join', { threadId })).toMatchObject({ ok: true });
  });
});

describe('someone is replying…', () => {
  it('reaches the other readers (not the typist’s own tabs), throttled, with a stop', async () => {
    const lin = await signIn(app, await createUser(app.ctx.db));
    const typist = await connectSocket(app.url, lin.cookie);
    const ownTab = await connectSocket(app.url, lin.cookie);
    const reader = await connectSocket(app.url);
    for (const s of [typist, ownTab, reader]) await ask(s, 'thread:join', { threadId });
    const seen = collect(reader, 'thread:typing');
    const ownSeen = collect(ownTab, 'thread:typing');
    expect(await ask(typist, 'thread:typing', { threadId, typing: true })).toEqual({ ok: true });
    expect(await ask(typist, 'thread:typing', { threadId, typing: true })).toEqual({ ok: true });
    await eventually(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({
      threadId,
      key: expect.stringMatching(/^[\w-]{12}$/),
      typing: true,
      expiresInMs: 6000,
    });
    await ask(typist, 'thread:typing', { threadId, typing: false });
    await eventually(() => expect(seen.map((s) => s.typing)).toEqual([true, false]));
    expect(JSON.stringify(seen)).not.toContain(lin.viewer.id);
    expect(ownSeen).toEqual([]);
  });

  it('needs the thread joined first', async () => {
    const lin = await signIn(app, await createUser(app.ctx.db));
    const typist = await connectSocket(app.url, lin.cookie);
    expect(await ask(typist, 'thread:typing', { threadId, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Join the thread first' },
    });
  });
});

describe('presence on one instance', () => {
  it('counts people (a member’s tabs once), and tells the room when it changes', async () => {
    const id = (await postThread(maya)).thread.id;
    const first = await connectSocket(app.url);
    const joined = await ask(first, 'thread:join', { threadId: id });
    expect(joined).toMatchObject({ ok: true, data: { reading: 1 } });
    const updates = collect(first, 'thread:presence');
    const lin = await signIn(app, await createUser(app.ctx.db));
    const tab1 = await connectSocket(app.url, lin.cookie);
    const tab2 = await connectSocket(app.url, lin.cookie);
    await ask(tab1, 'thread:join', { threadId: id });
    expect(await ask(tab2, 'thread:join', { threadId: id })).toMatchObject({
      data: { reading: 2 },
    });
    await eventually(() => expect(updates.at(-1)).toEqual({ threadId: id, reading: 2 }));
    tab1.disconnect();
    tab2.disconnect();
    await eventually(() => expect(updates.at(-1)).toEqual({ threadId: id, reading: 1 }));
  });
});

describe('the Socket.IO handshake', () => {
  const handshake = (origin: string, cookie: string) =>
    new Promise<'connected' | string>((resolve) => {
      const socket = ioClient(app.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin, cookie },
      });
      socket.once('connect', () => {
        socket.disconnect();
        resolve('connected');
      });
      socket.once('connect_error', (err) => resolve(err.message));
    });

  it('refuses a socket opened from another site, even with a member’s cookie', async () => {
    expect(await handshake('https://evil.example', maya.cookie)).not.toBe('connected');
    expect(await handshake(app.url.replace('127.0.0.1', 'localhost'), maya.cookie)).not.toBe(
      'connected',
    );
    // The same page's own origin connects.
    expect(await handshake(app.url, maya.cookie)).toBe('connected');
  });
});

describe('thread-event pruning', () => {
  it('drops events past the retention; a reader that far behind is told to refetch', async () => {
    const id = (await postThread(maya)).thread.id;
    for (const body of ['First reply, soon old.', 'Second reply, soon old.', 'Third, recent.'])
      await postReply(maya, id, { body });
    await app.ctx.db
      .updateTable('thread_events')
      .set({ created_at: new Date(Date.now() - 49 * 3_600_000) })
      .where('thread_id', '=', id)
      .where('seq', '<=', '2')
      .execute();
    expect(await pruneThreadEvents(app.ctx.db, 48)).toBeGreaterThanOrEqual(2);
    const kept = await app.ctx.db
      .selectFrom('thread_events')
      .select('seq')
      .where('thread_id', '=', id)
      .execute();
    expect(kept.map((e) => Number(e.seq))).toEqual([3]);
    const reader = await connectSocket(app.url);
    expect(await ask(reader, 'thread:join', { threadId: id, lastSeq: 0 })).toMatchObject({
      ok: true,
      data: { seq: 3, reset: true },
    });
    // Still within what is kept: replayed as usual.
    const close = await connectSocket(app.url);
    const res = await ask(close, 'thread:join', { threadId: id, lastSeq: 2 });
    expect(res.ok && res.data!.events!.map((e) => e.seq)).toEqual([3]);
  });
});
