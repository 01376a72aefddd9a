import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ThreadEventEnvelope } from '../../shared/realtime/events';
import { EventSequencer } from '../../shared/realtime/sequencer';
import { createUser, type Client, type TestUser } from '../helpers/auth';
import {
  ask,
  collect,
  connectSocket,
  eventually,
  signInAt,
  startCluster,
  type Cluster,
} from '../helpers/cluster';
import { postReply, postThread } from './forum-helpers';

/**
 * Two real server processes (A and B) on one database, sharing rooms through the adapter.
 * Shared by realtime-cluster-postgres.test.ts and realtime-cluster-redis.test.ts.
 */
export function clusterSuite(adapter: 'postgres' | 'redis') {
  let cluster: Cluster;
  let asker: TestUser;
  let askerOnB: Client;
  let helperOnB: Client;
  let threadId: string;

  beforeAll(async () => {
    cluster = await startCluster({ adapter });
    const db = cluster.database.db;
    asker = await createUser(db);
    askerOnB = await signInAt(cluster.b.url, asker);
    helperOnB = await signInAt(cluster.b.url, await createUser(db));
    threadId = (await postThread(askerOnB)).thread.id;
  }, 120_000);
  afterAll(() => cluster?.close());

  const joined = async (url: string, id = threadId, cookie?: string) => {
    const socket = await connectSocket(url, cookie);
    const res = await ask(socket, 'thread:join', { threadId: id });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    return socket;
  };

  // Two real processes on a shared 2-core machine: presence is reported in timed batches,
  // so only the presence tests are retried; ordering, replay and "reaches nobody" are not —
  // a bug that leaks or doubles an event now and then must fail, not pass on a retry.
  const presenceIsTimed = { retry: 2 };
  describe(`two instances, ${adapter} adapter`, () => {
    it('a reader on A sees a reply posted through B, as an anonymous reader would', async () => {
      const reader = await joined(cluster.a.url);
      const events = collect(reader, 'thread:event');
      const reply = await postReply(helperOnB, threadId, { body: 'Try the **APM** route first.' });
      await eventually(() => expect(events.map((e) => e.event.type)).toContain('reply.created'));
      const created = events.find((e) => e.event.type === 'reply.created')!.event;
      expect(created).toEqual({
        type: 'reply.created',
        reply: {
          ...reply,
          viewer: { voted: false, permissions: expect.any(Object) },
          bodyMarkdown: undefined,
        },
      });
      expect(created.type === 'reply.created' && created.reply).not.toHaveProperty('bodyMarkdown');
      expect(
        created.type === 'reply.created' && Object.values(created.reply.viewer.permissions),
      ).not.toContain(true);
    });

    it('an edit, a vote, a helpful mark and a delete each reach a reader on the other instance', async () => {
      const reply = await postReply(helperOnB, threadId);
      const reader = await joined(cluster.a.url);
      const events = collect(reader, 'thread:event');
      const seen = () => events.map((e) => e.event.type);

      await helperOnB.patch(`/api/replies/${reply.id}`).send({ body: 'Edited: more detail.' });
      await eventually(() => expect(seen()).toContain('reply.updated'));
      const updated = events.find((e) => e.event.type === 'reply.updated')!.event;
      expect(updated.type === 'reply.updated' && updated.reply.bodyHtml).toContain('more detail');

      expect((await askerOnB.put(`/api/replies/${reply.id}/vote`)).status).toBe(200);
      await eventually(() =>
        expect(events.map((e) => e.event)).toContainEqual({
          type: 'reply.points',
          replyId: reply.id,
          points: 2,
        }),
      );

      expect((await askerOnB.put(`/api/replies/${reply.id}/helpful`)).status).toBe(200);
      await eventually(() =>
        expect(events.map((e) => e.event)).toContainEqual({
          type: 'helpful',
          helpfulReplyIds: [reply.id],
        }),
      );

      expect((await helperOnB.delete(`/api/replies/${reply.id}`)).status).toBe(204);
      await eventually(() =>
        expect(events.map((e) => e.event)).toContainEqual({
          type: 'reply.deleted',
          replyId: reply.id,
        }),
      );
      // In commit order, numbered without gaps.
      const seqs = events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(seqs.at(-1)! - seqs[0]!).toBe(seqs.length - 1);
    });

    it('a refused write (reply to a deleted parent) reaches nobody', async () => {
      const parent = await postReply(helperOnB, threadId);
      await helperOnB.delete(`/api/replies/${parent.id}`);
      const reader = await connectSocket(cluster.a.url);
      const all = collect(reader, 'thread:event');
      const join = await ask(reader, 'thread:join', { threadId });
      expect(join.ok, JSON.stringify(join)).toBe(true);
      // The parent's own created/deleted events are committed before the join and may still be
      // crossing from B under load; only what is numbered after the join counts here.
      const joinSeq = join.ok ? join.data!.seq : -1;
      const events = () => all.filter((e) => e.seq > joinSeq);
      const res = await askerOnB
        .post(`/api/threads/${threadId}/replies`)
        .send({ id: randomUUID(), parentId: parent.id, body: 'Under a removed reply.' });
      expect(res.status).toBe(400);
      // A sentinel posted after: once it arrives, anything the refused write sent would have.
      const sentinel = await postReply(helperOnB, threadId, { body: 'Sentinel after refusal.' });
      const isSentinel = (e: ThreadEventEnvelope) =>
        e.event.type === 'reply.created' && e.event.reply.id === sentinel.id;
      await eventually(() => expect(events().some(isSentinel)).toBe(true));
      expect(events().map((e) => e.event)).toEqual([
        expect.objectContaining({
          type: 'reply.created',
          reply: expect.objectContaining({ id: sentinel.id }),
        }),
      ]);
    });

    it('an event over 8,000 bytes crosses instances whole', async () => {
      const reader = await joined(cluster.a.url);
      const events = collect(reader, 'thread:event');
      const body = `Long answer. ${'Here is what I learned moving into product. '.repeat(600)}`;
      expect(body.length).toBeGreaterThan(20_000);
      const reply = await postReply(helperOnB, threadId, { body });
      await eventually(() =>
        expect(events.find((e) => e.event.type === 'reply.created')).toBeDefined(),
      );
      const got = events.find((e) => e.event.type === 'reply.created')!;
      expect(JSON.stringify(got).length).toBeGreaterThan(8000);
      expect(got.event.type === 'reply.created' && got.event.reply.bodyHtml).toBe(reply.bodyHtml);
      if (adapter === 'postgres') {
        // It went through the adapter's attachment table (NOTIFY carries 8000 bytes at most).
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM socket_io_attachments`.execute(cluster.database.db);
        expect(rows[0]!.n).toBeGreaterThan(0);
      }
    });

    it('offline while 5 replies are posted through the other instance: gets all 5, in order, once', async () => {
      const id = (await postThread(askerOnB)).thread.id;
      const socket = await connectSocket(cluster.a.url);
      const first = await ask(socket, 'thread:join', { threadId: id });
      const lastSeq = first.ok ? first.data!.seq : -1;
      socket.disconnect(); // offline (30 s in real life; the wait is not what matters)
      const posted: string[] = [];
      for (let i = 1; i <= 5; i++)
        posted.push((await postReply(helperOnB, id, { body: `Missed reply ${i}` })).id);

      const applied: ThreadEventEnvelope[] = [];
      const sequencer = new EventSequencer<ThreadEventEnvelope>((e) => applied.push(e), lastSeq);
      const back = await connectSocket(cluster.a.url);
      back.on('thread:event', (e) => sequencer.offer(e));
      const res = await ask(back, 'thread:join', { threadId: id, lastSeq });
      expect(res.ok && res.data!.events!.map((e) => e.seq)).toEqual(
        [1, 2, 3, 4, 5].map((n) => lastSeq + n),
      );
      if (res.ok) sequencer.offerAll(res.data!.events!);
      // Live events after the replay arrive once too, and nothing is applied twice.
      posted.push((await postReply(helperOnB, id, { body: 'Live again' })).id);
      await eventually(() => expect(applied).toHaveLength(6));
      expect(
        applied.map((e) => (e.event.type === 'reply.created' ? e.event.reply.id : e.event.type)),
      ).toEqual(posted);
      expect(sequencer.hasGap()).toBe(false);
    });

    it(
      'presence adds up across instances, and drops when readers leave',
      presenceIsTimed,
      async () => {
        const id = (await postThread(askerOnB)).thread.id;
        const onA = await joined(cluster.a.url, id);
        const updatesA = collect(onA, 'thread:presence');
        const onA2 = await joined(cluster.a.url, id);
        const onB = await joined(cluster.b.url, id);
        const updatesB = collect(onB, 'thread:presence');
        await eventually(() => {
          expect(updatesA.at(-1)).toEqual({ threadId: id, reading: 3 });
          expect(updatesB.at(-1)).toEqual({ threadId: id, reading: 3 });
        });
        onA2.disconnect();
        await eventually(() => {
          expect(updatesA.at(-1)).toEqual({ threadId: id, reading: 2 });
          expect(updatesB.at(-1)).toEqual({ threadId: id, reading: 2 });
        });
        const late = await connectSocket(cluster.b.url);
        const res = await ask(late, 'thread:join', { threadId: id });
        expect(res).toMatchObject({ ok: true, data: { reading: 3 } });
      },
    );

    it(
      'presence counts one person once, with tabs on both instances',
      presenceIsTimed,
      async () => {
        const id = (await postThread(askerOnB)).thread.id;
        const watcher = await joined(cluster.a.url, id);
        const seen = collect(watcher, 'thread:presence');
        await joined(cluster.a.url, id, helperOnB.cookie);
        const tabOnB = await joined(cluster.b.url, id, helperOnB.cookie);
        await joined(cluster.b.url, id, helperOnB.cookie);
        await eventually(() => expect(seen.at(-1)).toEqual({ threadId: id, reading: 2 }));
        // A sentinel reader joins after: the count it brings is 3 (watcher, helper, sentinel),
        // never 4 or more — the helper's three tabs were one person all along.
        const sentinel = await joined(cluster.b.url, id);
        await eventually(() => expect(seen.at(-1)).toEqual({ threadId: id, reading: 3 }));
        tabOnB.disconnect(); // one of three tabs closed: the helper is still reading
        sentinel.disconnect();
        // A second sentinel: back to 3 once the first has left, and the count never fell to 1.
        await eventually(() => expect(seen.at(-1)).toEqual({ threadId: id, reading: 2 }));
        await joined(cluster.a.url, id);
        await eventually(() => expect(seen.at(-1)).toEqual({ threadId: id, reading: 3 }));
        expect(Math.max(...seen.map((p) => p.reading))).toBe(3);
        expect(seen.map((p) => p.reading)).not.toContain(1);
      },
    );

    it('"someone is replying" crosses instances', async () => {
      const reader = await joined(cluster.a.url);
      const typist = await joined(cluster.b.url, threadId, helperOnB.cookie);
      const seen = collect(reader, 'thread:typing');
      expect(await ask(typist, 'thread:typing', { threadId, typing: true })).toEqual({ ok: true });
      await eventually(() => expect(seen).toMatchObject([{ threadId, typing: true }]));
    });

    it('a new question reaches front pages on the other instance', async () => {
      const front = await connectSocket(cluster.a.url);
      expect(await ask(front, 'feed:join')).toEqual({ ok: true });
      const fresh = collect(front, 'feed:thread');
      const posted = await postThread(askerOnB, { title: 'A brand new question for the feed' });
      await eventually(() => expect(fresh.map((t) => t.id)).toContain(posted.thread.id));
      expect(fresh.find((t) => t.id === posted.thread.id)).toMatchObject({
        title: 'A brand new question for the feed',
        replyCount: 0,
      });
    });

    it('signing out on A disconnects that session’s sockets on B before later replies reach them', async () => {
      const user = await createUser(cluster.database.db);
      const onA = await signInAt(cluster.a.url, user);
      const socketOnB = await joined(cluster.b.url, threadId, onA.cookie);
      const bystander = await joined(cluster.b.url, threadId, helperOnB.cookie);
      const signedOutSaw = collect(socketOnB, 'thread:event');
      const bystanderSaw = collect(bystander, 'thread:event');
      const gone = new Promise<void>((resolve) => socketOnB.on('disconnect', () => resolve()));
      expect((await onA.post('/api/auth/sign-out')).status).toBe(204);
      // Order, not a stopwatch: a reply posted after the sign-out reaches the bystander, and
      // by then the signed-out socket is gone and never got it.
      const later = await postReply(helperOnB, threadId, { body: 'Posted after the sign-out.' });
      await eventually(() =>
        expect(
          bystanderSaw.map((e) => e.event.type === 'reply.created' && e.event.reply.id),
        ).toContain(later.id),
      );
      await gone;
      expect(socketOnB.connected).toBe(false);
      expect(signedOutSaw).toEqual([]);
      expect(bystander.connected).toBe(true);
      // Reconnecting with the dead cookie gives an anonymous socket: it may read, not type.
      const again = await joined(cluster.b.url, threadId, onA.cookie);
      expect(await ask(again, 'thread:typing', { threadId, typing: true })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('an instance shutting down tells only its own clients to reconnect', async () => {
      const extra = await startCluster({ adapter });
      onTestFinished(() => extra.close());
      const onA = await connectSocket(extra.a.url);
      const onB = await connectSocket(extra.b.url);
      const told = collect(onA, 'server:shutdown');
      const toldB = collect(onB, 'server:shutdown');
      const reason = new Promise<string>((r) => onA.on('disconnect', r));
      expect(await extra.a.stop()).toBe(0);
      expect(await reason).toBe('io server disconnect');
      expect(told).toEqual([{ reconnectInMs: 500 }]);
      // A round trip through B after A exited: B's socket is still served and was told nothing.
      expect(await ask(onB, 'feed:join')).toEqual({ ok: true });
      expect(onB.connected).toBe(true);
      expect(toldB).toEqual([]);
      expect(extra.a.output()).not.toMatch(/unhandled|uncaught/i);
    });
  });
}
