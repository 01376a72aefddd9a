import type { ThreadSummary } from '../../shared/api/threads';
import type { ChatEventEnvelope } from '../../shared/api/chat';
import type { ServerToClientEvents, ThreadEventEnvelope } from '../../shared/realtime/events';
import { sql } from 'kysely';
import { chatEvents } from '../chat/socket';
import type { AppContext } from '../context';
import { attachAdapter, clusterMode, type ClusterMode } from './adapter';
import { threadEvents } from './connection';
import { SocketEvents } from './guard';
import { Presence } from './presence';
import { pruneThreadEvents } from './replay';
import { rooms, sessionRoom } from './rooms';
import { listenToPostgres } from './pg-listen';
import type { Io } from './types';

/** What features use (through ctx.realtime) to reach connected clients on every instance. */
export interface Realtime {
  mode: ClusterMode;
  /** A committed thread event to everyone following the thread. Use Outbox, not this. */
  threadEvent(envelope: ThreadEventEnvelope): void;
  /** A new question, to front pages ("N new questions — show"). */
  newThread(summary: ThreadSummary): void;
  /** Every socket of this browser session, on any instance (sign-out). */
  disconnectSession(sessionId: string): void;
  /** Every socket of this user (suspension, account deletion, "sign out everywhere"). */
  disconnectUser(userId: string): void;
  /** A committed chat event to the conversation's room. Use server/chat's service. */
  chatEvent(envelope: ChatEventEnvelope): void;
  /** An unsequenced chat update (read, presence) to the conversation's room. */
  toConversation<E extends 'chat:read' | 'chat:presence'>(
    conversationId: string,
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ): void;
  /** To every socket of one person (the nav badge). */
  toUser(
    userId: string,
    event: 'chat:activity',
    payload: Parameters<ServerToClientEvents['chat:activity']>[0],
  ): void;
  /** Who has this conversation open now, on any instance. */
  chatRoomUsers(conversationId: string, timeoutMs?: number): Promise<string[]>;
}

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * After the LISTEN connection was lost (database restart, terminated backend), the signals of
 * that gap are gone. Recompute them: sockets whose session no longer exists (or expired) are
 * dropped, and every signed-in tab on this instance refreshes its bell once.
 */
async function catchUp(ctx: AppContext, io: Io): Promise<void> {
  const local = io.of('/').adapter.rooms;
  const hashes = [...local.keys()]
    .filter((room) => room.startsWith('session:'))
    .map((room) => room.slice('session:'.length));
  if (hashes.length) {
    const alive = await sql<{ hash: string }>`
      SELECT left(encode(sha256(convert_to(sid, 'UTF8')), 'hex'), 32) AS hash
      FROM session
      WHERE expire > now()
        AND left(encode(sha256(convert_to(sid, 'UTF8')), 'hex'), 32) = ANY(${hashes})`.execute(
      ctx.db,
    );
    const keep = new Set(alive.rows.map((r) => r.hash));
    for (const hash of hashes)
      if (!keep.has(hash)) io.local.in(sessionRoom(hash)).disconnectSockets(true);
  }
  for (const room of local.keys())
    if (room.startsWith('user:')) io.local.to(room).emit('notifications:changed');
}

/**
 * Adapter, presence, connection handlers, event-log pruning; puts the publisher on
 * ctx.realtime. Call before the HTTP server listens; `close()` closes io and the adapter.
 */
export async function startRealtime(
  ctx: AppContext,
  io: Io,
): Promise<{ realtime: Realtime; close(): Promise<void> }> {
  const mode = clusterMode(ctx.config);
  const closeAdapter = await attachAdapter(ctx, io, mode);
  const presence = new Presence(io, mode !== 'off', ctx.logger);
  // One table of event handlers for every socket; a connection holds only its own state.
  const events = new SocketEvents(io, ctx.logger, ctx.config.SOCKET_EVENTS_PER_10S);
  const threads = threadEvents(ctx, presence, events);
  const chats = chatEvents(ctx, events);
  io.on('connection', (socket) => {
    events.attach(socket);
    threads.onConnection(socket);
    chats.onConnection(socket);
  });
  const stopListening = listenToPostgres(
    ctx,
    {
      // A session ended (sign-out, reset, deletion, expiry: the session table's delete
      // trigger): drop its sockets; the client reconnects as whoever its cookie now says.
      switchboard_session_ended: (hash) => io.local.in(sessionRoom(hash)).disconnectSockets(true),
      // A notification was added or read: that user's tabs refresh the bell.
      switchboard_notification: (userId) =>
        io.local.to(rooms.user(userId)).emit('notifications:changed'),
    },
    () => catchUp(ctx, io),
  );

  const prune = setInterval(() => {
    pruneThreadEvents(ctx.db, ctx.config.REALTIME_EVENT_RETENTION_HOURS).catch((err: unknown) =>
      ctx.logger.warn({ err }, 'pruning thread events failed'),
    );
  }, PRUNE_EVERY_MS);
  prune.unref();

  const realtime: Realtime = {
    mode,
    threadEvent: (e) => io.to(rooms.thread(e.threadId)).emit('thread:event', e),
    newThread: (t) => io.to(rooms.feed).emit('feed:thread', t),
    disconnectSession: (sid) => io.in(rooms.session(sid)).disconnectSockets(true),
    disconnectUser: (id) => io.in(rooms.user(id)).disconnectSockets(true),
    chatEvent: (e) => io.to(rooms.conversation(e.conversationId)).emit('chat:event', e),
    toConversation: (id, event, payload) =>
      (io.to(rooms.conversation(id)).emit as (e: string, p: unknown) => void)(event, payload),
    toUser: (id, event, payload) => io.to(rooms.user(id)).emit(event, payload),
    chatRoomUsers: async (id, timeoutMs = 2000) => {
      const sockets = await io.in(rooms.conversation(id)).timeout(timeoutMs).fetchSockets();
      return [...new Set(sockets.map((s) => s.data.userId).filter((u): u is string => !!u))];
    },
  };
  ctx.realtime = realtime;
  ctx.logger.info({ cluster: mode, instance: presence.instanceId }, 'realtime ready');

  return {
    realtime,
    close: async () => {
      clearInterval(prune);
      presence.close();
      await stopListening();
      if (ctx.realtime === realtime) ctx.realtime = undefined;
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeAdapter();
    },
  };
}
