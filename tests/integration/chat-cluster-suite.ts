import { randomUUID } from 'node:crypto';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEventEnvelope } from '../../shared/api/chat';
import { EventSequencer } from '../../shared/realtime/sequencer';
import { createUser } from '../helpers/auth';
import {
  ask,
  collect,
  connectSocket,
  eventually,
  signInAt,
  startCluster,
  startServerProcess,
  type ClientSocket,
  type Cluster,
  type ServerProcess,
} from '../helpers/cluster';
import { createPair } from './chat-fixtures';

const TOTAL = 1000;

/**
 * One participant's client, as the browser behaves: sends each message with its own uuid
 * until acknowledged (retrying the same id after a timeout or a reconnect), applies the
 * conversation's events through the shared EventSequencer (in order, once), and on every
 * reconnect joins again with the last sequence number it applied.
 */
class ChatPeer {
  socket: ClientSocket | null = null;
  readonly applied: ChatEventEnvelope[] = [];
  readonly seq = new EventSequencer<ChatEventEnvelope>((e) => this.applied.push(e), 0);
  private closed = false;

  constructor(
    private readonly url: () => string,
    private readonly cookie: string,
    private readonly conversationId: string,
  ) {}

  async connect(): Promise<void> {
    while (!this.closed) {
      const socket: ClientSocket = ioClient(this.url(), {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie: this.cookie },
      });
      socket.on('chat:event', (e) => this.seq.offer(e));
      const up = await new Promise<boolean>((resolve) => {
        socket.once('connect', () => resolve(true));
        socket.once('connect_error', () => resolve(false));
      });
      if (up) {
        const res = await ask(socket, 'chat:join', {
          conversationId: this.conversationId,
          lastSeq: this.seq.lastSeq,
        }).catch(() => null);
        if (res?.ok) {
          this.seq.offerAll(res.data?.events ?? []);
          expect(res.data?.reset).toBeFalsy();
          this.socket = socket;
          socket.once('disconnect', () => {
            this.socket = null;
            if (!this.closed) void this.connect();
          });
          return;
        }
      }
      socket.disconnect();
      await new Promise((r) => setTimeout(r, 100)); // the instance is restarting: try again
    }
  }

  async send(body: string): Promise<string> {
    const id = randomUUID();
    for (;;) {
      const socket = this.socket;
      if (socket?.connected) {
        const res = await ask(socket, 'chat:send', {
          conversationId: this.conversationId,
          id,
          body,
        }).catch(() => null);
        if (res?.ok) return id;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close() {
    this.closed = true;
    this.socket?.disconnect();
  }
}

/** Chat across two real server processes; shared by the Postgres and Redis adapter files. */
export function chatClusterSuite(adapter: 'postgres' | 'redis') {
  let cluster: Cluster;
  let b: ServerProcess;
  const env = {
    // The restarted instance must accept the cookies the first one issued.
    SESSION_SECRET: `chat-cluster-${adapter}-secret-0123456789abcdef`,
    CHAT_MESSAGES_PER_10S: '100000',
    REALTIME_REPLAY_MAX: '5000',
    SOCKET_EVENTS_PER_10S: '100000',
  };

  beforeAll(async () => {
    cluster = await startCluster({ adapter, env });
    b = cluster.b;
  }, 120_000);
  afterAll(async () => {
    await b?.stop();
    await cluster?.close();
  });

  describe(`chat on two instances, ${adapter} adapter`, () => {
    it('a third person, on either instance, gets 404 on every route and socket event, and no event of the conversation', async () => {
      const db = cluster.database.db;
      const pair = await createPair(db);
      const own = await createPair(db); // the third person's own conversation: the sentinel
      const id = pair.conversationId;
      const urls = [cluster.a.url, b.url];
      // The two participants on different instances; the third person on both.
      const mentor = await signInAt(urls[0]!, pair.mentor);
      const mentee = await signInAt(urls[1]!, pair.mentee);
      const strangers = await Promise.all(urls.map((url) => signInAt(url, own.mentor)));
      const joined = async (url: string, cookie: string, conversationId: string) => {
        const socket = await connectSocket(url, cookie);
        const res = await ask(socket, 'chat:join', { conversationId, lastSeq: 0 });
        expect(res.ok, JSON.stringify(res)).toBe(true);
        return socket;
      };
      const mentorSocket = await joined(urls[0]!, mentor.cookie, id);
      const menteeSocket = await joined(urls[1]!, mentee.cookie, id);
      const leaked: unknown[] = [];
      const sentinels: ChatEventEnvelope[] = [];
      const spies = await Promise.all(
        strangers.map(async (s, i) => {
          const spy = await joined(urls[i]!, s.cookie, own.conversationId);
          spy.onAny((event: string, ...args: unknown[]) => {
            if (JSON.stringify(args).includes(id)) leaked.push([urls[i], event, args]);
          });
          spy.on('chat:event', (e) => sentinels.push(e));
          return spy;
        }),
      );

      const sent = await ask(mentorSocket, 'chat:send', {
        conversationId: id,
        id: randomUUID(),
        body: 'Across the two instances',
      });
      expect(sent.ok).toBe(true);
      const mid = sent.ok ? sent.data!.id : '';
      const base = `/api/conversations/${id}`;
      for (const [i, stranger] of strangers.entries()) {
        for (const [method, path, body] of [
          ['get', base],
          ['get', `${base}/messages`],
          ['post', `${base}/messages`, { id: randomUUID(), body: 'let me in' }],
          ['post', `${base}/read`, { seq: 1 }],
          ['patch', `${base}/messages/${mid}`, { body: 'mine now' }],
          ['delete', `${base}/messages/${mid}`],
        ] as const) {
          const res = await (stranger[method](path) as ReturnType<typeof stranger.get>).send(
            body ?? {},
          );
          expect(res.status, `${urls[i]}: ${method} ${path}`).toBe(404);
        }
        for (const [event, input] of [
          ['chat:join', { conversationId: id }],
          ['chat:send', { conversationId: id, id: randomUUID(), body: 'hi' }],
          ['chat:read', { conversationId: id, seq: 1 }],
          ['chat:typing', { conversationId: id, typing: true }],
          ['chat:replay', { conversationId: id, lastSeq: 0 }],
        ] as const) {
          const res = await ask(spies[i]!, event as 'chat:join', input as never);
          expect(res.ok ? 'ok' : res.error.code, `${urls[i]}: ${event}`).toBe('not_found');
        }
      }
      // The pair keeps talking both ways — messages, typing, reads — then the third person's
      // own conversation gets one message: once it arrived on both instances, everything of
      // the pair's that was published before it would have too.
      const received = collect(mentorSocket, 'chat:event');
      for (const [socket, body] of [
        [menteeSocket, 'Reply from the other instance'],
        [mentorSocket, 'And back again'],
      ] as const) {
        await ask(socket, 'chat:typing', { conversationId: id, typing: true });
        expect(
          (await ask(socket, 'chat:send', { conversationId: id, id: randomUUID(), body })).ok,
        ).toBe(true);
      }
      await ask(menteeSocket, 'chat:read', { conversationId: id, seq: 3 });
      await eventually(() => expect(received.map((e) => e.seq)).toEqual([2, 3]));
      const ownClient = await signInAt(urls[1]!, own.mentee);
      await ownClient
        .post(`/api/conversations/${own.conversationId}/messages`)
        .send({ id: randomUUID(), body: 'sentinel' })
        .expect(201);
      await eventually(() => expect(sentinels).toHaveLength(2), 10_000);
      expect(leaked).toEqual([]);
      for (const socket of [mentorSocket, menteeSocket, ...spies]) socket.disconnect();
    }, 60_000);

    it(`${TOTAL} messages from both sides, random disconnects, an instance restarted: each side has all, in order, once; a third person gets nothing`, async () => {
      const db = cluster.database.db;
      const pair = await createPair(db);
      const [mentor, mentee, stranger] = await Promise.all([
        signInAt(cluster.a.url, pair.mentor),
        signInAt(cluster.a.url, pair.mentee),
        createUser(db).then((u) => signInAt(cluster.a.url, u)),
      ]);
      const id = pair.conversationId;
      const spy = await connectSocket(cluster.a.url, stranger.cookie);
      const leaked = collect(spy, 'chat:event');
      const refused = await ask(spy, 'chat:join', { conversationId: id });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('not_found');
      expect((await stranger.get(`/api/conversations/${id}/messages`)).status).toBe(404);

      const onA = new ChatPeer(() => cluster.a.url, mentor.cookie, id);
      const onB = new ChatPeer(() => b.url, mentee.cookie, id);
      await Promise.all([onA.connect(), onB.connect()]);
      const sent: string[] = [];
      let restarted: Promise<void> | null = null;
      const run = async (peer: ChatPeer, who: string) => {
        for (let i = 0; i < TOTAL / 2; i++) {
          sent.push(await peer.send(`${who} #${i}`));
          if (Math.random() < 0.02) peer.socket?.disconnect(); // a flaky network
          if (sent.length === TOTAL / 2 && !restarted)
            restarted = (async () => {
              await b.stop();
              b = await startServerProcess({
                DATABASE_URL: cluster.database.url,
                CLUSTER: adapter,
                ...(adapter === 'redis'
                  ? {
                      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
                      REDIS_PREFIX: `sbtest:${cluster.database.name}`,
                    }
                  : {}),
                ...env,
              });
            })();
        }
      };
      await Promise.all([run(onA, 'mentor'), run(onB, 'mentee')]);
      await restarted;
      for (const peer of [onA, onB]) {
        await eventually(() => expect(peer.seq.lastSeq).toBe(TOTAL), 30_000);
        expect(peer.applied.map((e) => e.seq)).toEqual(
          Array.from({ length: TOTAL }, (_, i) => i + 1),
        );
        expect(new Set(peer.applied.map((e) => e.event.message.id))).toEqual(new Set(sent));
      }
      const rows = await db
        .selectFrom('chat_messages')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('conversation_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(TOTAL);
      onA.close();
      onB.close();
      // Both participants received everything through both instances; the third person,
      // connected all along, got none of it.
      expect(leaked).toEqual([]);
    }, 120_000);
  });
}
