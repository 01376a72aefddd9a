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
