import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { threadAccess } from './access';
import { socketState, type SocketEvents } from './guard';
import type { Presence } from './presence';
import { currentSeq } from './outbox';
import { replayThread } from './replay';
import { rooms } from './rooms';
import type { IoSocket } from './types';

/** Threads one socket may follow at once (a page follows one; tabs have their own sockets). */
const MAX_THREADS_PER_SOCKET = 20;
/** A typist is forgotten this long after their last keystroke report. */
const TYPING_EXPIRES_MS = 6_000;
/** At most one "is replying" broadcast per socket and thread per this interval. */
const TYPING_EVERY_MS = 2_000;

const threadId = z.uuid({ message: 'is not a valid thread id' });
const seq = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be 0 or more' });
const joinInput = z.object({ threadId, lastSeq: seq.nullish() });
const leaveInput = z.object({ threadId });
const replayInput = z.object({ threadId, lastSeq: seq });
const typingInput = z.object({ threadId, typing: z.boolean({ message: 'must be true or false' }) });

/**
 * The thread events every socket shares — the feed and thread rooms (permission checked on
 * every join), replay, presence and typing — and what a new connection needs: its session
 * room, the handshake let go, presence cleaned up on disconnect. A connection runs after the
 * handshake block in index.ts has set `socket.data.userId`.
 */
export function threadEvents(
  ctx: AppContext,
  presence: Presence,
  events: SocketEvents,
): { onConnection(socket: IoSocket): void } {
  const readerKey = (socket: IoSocket) => socket.data.userId ?? `anon:${socket.id}`;
  // Joins and leaves of one socket run one after another: a leave sent while its join is
  // still reading the database must not be overtaken (and leave a reader counted forever).
  const serial = <T>(socket: IoSocket, fn: () => Promise<T>): Promise<T> => {
    const s = socketState(socket);
    const run = (s.queue ?? Promise.resolve()).then(fn, fn);
    s.queue = run.catch(() => {});
    return run;
  };
  const joinedOf = (socket: IoSocket) => (socketState(socket).threads ??= new Map());

  events.on('feed:join', null, (socket) => socket.join(rooms.feed));
  events.on('feed:leave', null, (socket) => socket.leave(rooms.feed));

  events.on('thread:join', joinInput, (socket, { threadId, lastSeq }) =>
    serial(socket, async () => {
      const joined = joinedOf(socket);
      if (!joined.has(threadId) && joined.size >= MAX_THREADS_PER_SOCKET)
        throw new AppError(
          'rate_limited',
          `A connection can follow at most ${MAX_THREADS_PER_SOCKET} threads at once`,
        );
      const access = await threadAccess(ctx.db, threadId, socket.data.userId);
      if (socket.disconnected) throw new AppError('conflict', 'The connection closed meanwhile');
      // Join before reading the log: an event committed after the read arrives live, one
      // committed before it is in the replay (the client drops the copy it gets twice).
      await socket.join(rooms.thread(threadId));
      if (!joined.has(threadId)) presence.add(threadId, readerKey(socket));
      joined.set(threadId, {
        canType: access.canType,
        lastTyping: joined.get(threadId)?.lastTyping ?? 0,
      });
      const base = { reading: presence.total(threadId), canType: access.canType };
      if (lastSeq === null || lastSeq === undefined)
        return { ...base, seq: await currentSeq(ctx.db, threadId) };
      const replay = await replayThread(ctx.db, threadId, lastSeq, ctx.config.REALTIME_REPLAY_MAX);
      return { ...base, ...replay };
    }),
  );

  events.on('thread:replay', replayInput, async (socket, { threadId, lastSeq }) => {
    if (!socketState(socket).threads?.has(threadId))
      throw new AppError('forbidden', 'Join the thread first');
    return replayThread(ctx.db, threadId, lastSeq, ctx.config.REALTIME_REPLAY_MAX);
  });

  events.on('thread:leave', leaveInput, (socket, { threadId }) =>
    serial(socket, async () => {
      if (!socketState(socket).threads?.delete(threadId)) return;
      presence.remove(threadId, readerKey(socket));
      await socket.leave(rooms.thread(threadId));
    }),
  );

  events.on('thread:typing', typingInput, (socket, { threadId, typing }) => {
    const state = socketState(socket).threads?.get(threadId);
    if (!state) throw new AppError('forbidden', 'Join the thread first');
    const userId = socket.data.userId;
    if (!state.canType || !userId)
      throw new AppError('forbidden', 'You cannot reply in this thread');
    const now = Date.now();
    if (typing && now - state.lastTyping < TYPING_EVERY_MS) return;
    state.lastTyping = typing ? now : 0;
    socket
      .to(rooms.thread(threadId))
      .except(rooms.user(userId))
      .emit('thread:typing', {
        threadId,
        key: typistKey(userId, threadId),
        typing,
        expiresInMs: TYPING_EXPIRES_MS,
      });
  });

  // One function for every socket (`this` is the socket that closed).
  function onDisconnect(this: IoSocket) {
    const joined = socketState(this).threads;
    if (!joined) return;
    for (const id of joined.keys()) presence.remove(id, readerKey(this));
    joined.clear();
  }

  return {
    onConnection(socket) {
      const userId = socket.data.userId;
      const sessionId = (socket.request as IncomingMessage & { sessionID?: string }).sessionID;
      if (userId && sessionId) void socket.join(rooms.session(sessionId));
      forgetHandshake(socket);
      socket.on('disconnect', onDisconnect);
    },
  };
}

/**
 * The handshake request stays referenced for the connection's whole life (engine.io's
 * WebSocketResponse keeps it for its 'close' event), and with it everything the session and
 * Passport middlewares hung on it: ~6 KB per signed-in socket. Everything needed was read
 * above and by the handshake block in index.ts, so let it go (socket.io's own memory tip,
 * plus the middleware properties, since the request object itself cannot be freed).
 */
function forgetHandshake(socket: IoSocket): void {
  const req = socket.request as unknown as Record<string, unknown> | null;
  if (req)
    for (const key of [
      'session',
      'sessionStore',
      'sessionID',
      'user',
      '_passport',
      '_sessionManager',
    ])
      if (key in req) req[key] = undefined;
  (socket.conn as unknown as { request: unknown }).request = null;
}

/** Opaque and per thread: counts distinct typists without telling who they are. */
function typistKey(userId: string, threadId: string): string {
  return createHash('sha256').update(`${userId}:${threadId}`).digest('base64url').slice(0, 12);
}
