import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadEventEnvelope } from '../../shared/realtime/events';
import { Outbox } from '../../server/realtime/outbox';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { ask, collect, connectSocket, eventually, roomyEnv } from '../helpers/cluster';
import { postThread } from './forum-helpers';

/**
 * The after-commit bus on one instance: sequence numbers, replay from the database,
 * rollbacks, and who may join which room.
 */
let app: TestApp;
let maya: Client;
let threadId: string;

beforeAll(async () => {
  app = await startTestApp({ env: { ...roomyEnv, REALTIME_REPLAY_MAX: '10' } });
  maya = await signIn(app, await createUser(app.ctx.db));
  threadId = (await postThread(maya)).thread.id;
});

const pointsEvent = (points: number) => ({
  type: 'reply.points' as const,
  replyId: randomUUID(),
  points,
});

async function record(id: string, ...points: number[]): Promise<ThreadEventEnvelope[]> {
  const outbox = new Outbox();
  await app.ctx.db.transaction().execute(async (trx) => {
    for (const p of points) await outbox.thread(trx, id, pointsEvent(p));
  });
  const recorded = [...outbox.recorded];
  outbox.publish(app.ctx);
  return recorded;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('thread events', () => {
  it('numbers each thread’s events 1, 2, 3 and delivers them to the room after commit', async () => {
    const fresh = (await postThread(maya)).thread.id;
    const reader = await connectSocket(app.url);
    const joined = await ask(reader, 'thread:join', { threadId: fresh });
    expect(joined).toMatchObject({ ok: true, data: { seq: 0, reading: 1, canType: false } });
    const got = collect(reader, 'thread:event');
    const recorded = await record(fresh, 5, 6, 7);
    expect(recorded.map((e) => e.seq)).toEqual([1, 2, 3]);
    await eventually(() => expect(got.map((e) => e.seq)).toEqual([1, 2, 3]));
    expect(got.map((e) => e.event)).toEqual(recorded.map((e) => e.event));
  });

  it('a rolled-back transaction records nothing and reaches nobody', async () => {
    const reader = await connectSocket(app.url);
    await ask(reader, 'thread:join', { threadId });
    const got = collect(reader, 'thread:event');
    const before = await record(threadId, 1);
    await eventually(() => expect(got).toHaveLength(1));

    const outbox = new Outbox();
    await expect(
      app.ctx.db.transaction().execute(async (trx) => {
        await outbox.thread(trx, threadId, pointsEvent(99));
        throw new Error('the write failed after recording');
      }),
    ).rejects.toThrow('the write failed');
    // The service never reaches publish(); even if it did, nothing committed:
    const stored = await app.ctx.db
      .selectFrom('thread_events')
      .select('seq')
      .where('thread_id', '=', threadId)
      .execute();
    expect(stored.map((r) => Number(r.seq))).toEqual([before[0]!.seq]);

    // The next committed event takes the next number: the rolled-back one left no gap.
    const after = await record(threadId, 2);
    expect(after[0]!.seq).toBe(before[0]!.seq + 1);
    await eventually(() => expect(got.map((e) => e.seq)).toEqual([before[0]!.seq, after[0]!.seq]));
    await pause(200);
    expect(got.some((e) => e.event.type === 'reply.points' && e.event.points === 99)).toBe(false);
  });

  it('a refused HTTP write (locked thread) emits nothing', async () => {
    const reader = await connectSocket(app.url);
    const locked = (await postThread(maya)).thread.id;
    await ask(reader, 'thread:join', { threadId: locked });
    const got = collect(reader, 'thread:event');
    await sql`UPDATE threads SET locked_at = now() WHERE id = ${locked}`.execute(app.ctx.db);
    const other = await signIn(app, await createUser(app.ctx.db));
    const res = await other
      .post(`/api/threads/${locked}/replies`)
      .send({ id: randomUUID(), body: 'Too late, it is locked.' });
    expect(res.status).toBe(403);
    await pause(300);
    expect(got).toEqual([]);
  });
});

describe('replay after a reconnect', () => {
  it('sends every event after lastSeq, in order, from the database', async () => {
    const id = (await postThread(maya)).thread.id;
    await record(id, 1, 2, 3, 4, 5);
    const reader = await connectSocket(app.url);
    const all = await ask(reader, 'thread:join', { threadId: id, lastSeq: 0 });
    expect(all.ok && all.data!.events!.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    const some = await ask(reader, 'thread:replay', { threadId: id, lastSeq: 3 });
    expect(some.ok && some.data!.events!.map((e) => e.seq)).toEqual([4, 5]);
    expect(some.ok && some.data!.events!.map((e) => e.event)).toEqual(
      [4, 5].map((p) => ({ ...pointsEvent(p), replyId: expect.any(String) })),
    );
    const none = await ask(reader, 'thread:replay', { threadId: id, lastSeq: 5 });
    expect(none).toEqual({ ok: true, data: { seq: 5, events: [] } });
  });

  it('asks the client to refetch when the gap is too large, pruned, or ahead of the server', async () => {
    const id = (await postThread(maya)).thread.id;
    await record(id, ...Array.from({ length: 12 }, (_, i) => i)); // REALTIME_REPLAY_MAX=10
    const reader = await connectSocket(app.url);
    expect(await ask(reader, 'thread:join', { threadId: id, lastSeq: 1 })).toMatchObject({
      ok: true,
      data: { seq: 12, reset: true },
    });
    expect(await ask(reader, 'thread:replay', { threadId: id, lastSeq: 2 })).toEqual({
      ok: true,
      data: { seq: 12, events: expect.any(Array) },
    });
    expect(await ask(reader, 'thread:replay', { threadId: id, lastSeq: 40 })).toEqual({
      ok: true,
      data: { seq: 12, reset: true },
    });
    await sql`DELETE FROM thread_events WHERE thread_id = ${id} AND seq <= 6`.execute(app.ctx.db);
    expect(await ask(reader, 'thread:replay', { threadId: id, lastSeq: 4 })).toEqual({
      ok: true,
      data: { seq: 12, reset: true },
    });
  });

  it('asks for a refetch instead of sending more than 1 MiB of missed events', async () => {
    const id = (await postThread(maya)).thread.id;
    const big = (n: number) => ({
      type: 'thread.updated' as const,
      thread: { bodyHtml: `<p>${String(n).repeat(400_000)}</p>` },
    });
    const outbox = new Outbox();
    await app.ctx.db.transaction().execute(async (trx) => {
      await outbox.thread(trx, id, big(1), big(2), big(3), big(4));
    });
    const reader = await connectSocket(app.url);
    const res = await ask(reader, 'thread:join', { threadId: id, lastSeq: 1 });
    expect(res).toMatchObject({ ok: true, data: { seq: 4, reset: true } });
    expect(await ask(reader, 'thread:replay', { threadId: id, lastSeq: 2 })).toMatchObject({
      ok: true,
      data: { seq: 4, events: [{ seq: 3 }, { seq: 4 }] },
    });
  });

  it('refuses a replay of a thread the socket has not joined, and bad input by field', async () => {
    const reader = await connectSocket(app.url);
    expect(await ask(reader, 'thread:replay', { threadId, lastSeq: 0 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(reader, 'thread:join', { threadId: 'not-a-uuid' } as never)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'threadId',
        message: 'threadId: is not a valid thread id',
      },
    });
    expect(await ask(reader, 'thread:join', { threadId, lastSeq: -3 } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'lastSeq' },
    });
  });
});

describe('who may join', () => {
  it('nobody joins a thread that does not exist', async () => {
    const reader = await connectSocket(app.url);
    expect(await ask(reader, 'thread:join', { threadId: randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('a hidden thread: moderators only; a locked one: readable, but nobody types', async () => {
    const mod = await createUser(app.ctx.db, { role: 'moderator' });
    const modClient = await signIn(app, mod);
    const hidden = (await postThread(maya)).thread.id;
    await sql`UPDATE threads SET hidden_at = now() WHERE id = ${hidden}`.execute(app.ctx.db);
    const anon = await connectSocket(app.url);
    const author = await connectSocket(app.url, maya.cookie);
    const moderator = await connectSocket(app.url, modClient.cookie);
    expect(await ask(anon, 'thread:join', { threadId: hidden })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(author, 'thread:join', { threadId: hidden })).toMatchObject({ ok: false });
    expect(await ask(moderator, 'thread:join', { threadId: hidden })).toMatchObject({ ok: true });

    const locked = (await postThread(maya)).thread.id;
    await sql`UPDATE threads SET locked_at = now() WHERE id = ${locked}`.execute(app.ctx.db);
    expect(await ask(author, 'thread:join', { threadId: locked })).toMatchObject({
      ok: true,
      data: { canType: false },
    });
    expect(await ask(author, 'thread:typing', { threadId: locked, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('a suspended member reads but cannot type; the check is fresh on every join', async () => {
    const lin = await createUser(app.ctx.db);
    const linClient = await signIn(app, lin);
    const socket = await connectSocket(app.url, linClient.cookie);
    expect(await ask(socket, 'thread:join', { threadId })).toMatchObject({
      ok: true,
      data: { canType: true },
    });
    await sql`UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = ${lin.id}`.execute(
      app.ctx.db,
    );
    expect(await ask(socket, 'thread:join', { threadId })).toMatchObject({
      ok: true,
      data: { canType: false },
    });
    expect(await ask(socket, 'thread:typing', { threadId, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'You cannot reply in this thread' },
    });
  });

  it('anonymous sockets may follow public threads and the feed, but not type', async () => {
    const anon = await connectSocket(app.url);
    expect(await ask(anon, 'feed:join')).toEqual({ ok: true });
    expect(await ask(anon, 'thread:join', { threadId })).toMatchObject({ ok: true });
    expect(await ask(anon, 'thread:typing', { threadId, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

afterAll(async () => {
  await app?.close();
});
