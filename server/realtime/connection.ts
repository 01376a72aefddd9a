import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { threadAccess, type ThreadAccess } from './access';
import { handle, rateLimit } from './guard';
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
 * Wires one connected socket: rate limit, its session room, the feed and thread rooms
 * (permission checked on every join), replay, presence and typing. Runs after the
 * handshake block in index.ts has set `socket.data.userId`.
 */
export function onConnection(ctx: AppContext, presence: Presence, socket: IoSocket): void {
  const log = ctx.logger;
  rateLimit(socket, log, ctx.config.SOCKET_EVENTS_PER_10S);

  const userId = socket.data.userId;
  const sessionId = (socket.request as IncomingMessage & { sessionID?: string }).sessionID;
  if (userId && sessionId) void socket.join(rooms.session(sessionId));
  const readerKey = userId ?? `anon:${socket.id}`;
  forgetHandshake(socket);
  const joined = new Map<string, ThreadAccess & { lastTyping: number }>();
  // Joins and leaves of one socket run one after another: a leave sent while its join is
  // still reading the database must not be overtaken (and leave a reader counted forever).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => {});
    return run;
  };

  handle(socket, log, 'feed:join', null, () => socket.join(rooms.feed));
  handle(socket, log, 'feed:leave', null, () => socket.leave(rooms.feed));

  handle(socket, log, 'thread:join', joinInput, ({ threadId, lastSeq }) =>
    serial(async () => {
      if (!joined.has(threadId) && joined.size >= MAX_THREADS_PER_SOCKET)
        throw new AppError(
          'rate_limited',
          `A connection can follow at most ${MAX_THREADS_PER_SOCKET} threads at once`,
        );
      const access = await threadAccess(ctx.db, threadId, userId);
      if (socket.disconnected) throw new AppError('conflict', 'The connection closed meanwhile');
      // Join before reading the log: an event committed after the read arrives live, one
      // committed before it is in the replay (the client drops the copy it gets twice).
      await socket.join(rooms.thread(threadId));
      if (!joined.has(threadId)) presence.add(threadId, readerKey);
      joined.set(threadId, { ...access, lastTyping: joined.get(threadId)?.lastTyping ?? 0 });
      const base = { reading: presence.total(threadId), canType: access.canType };
      if (lastSeq === null || lastSeq === undefined)
        return { ...base, seq: await currentSeq(ctx.db, threadId) };
      const replay = await replayThread(ctx.db, threadId, lastSeq, ctx.config.REALTIME_REPLAY_MAX);
      return { ...base, ...replay };
    }),
  );

  handle(socket, log, 'thread:replay', replayInput, async ({ threadId, lastSeq }) => {
    if (!joined.has(threadId)) throw new AppError('forbidden', 'Join the thread first');
    return replayThread(ctx.db, threadId, lastSeq, ctx.config.REALTIME_REPLAY_MAX);
  });

  handle(socket, log, 'thread:leave', leaveInput, ({ threadId }) =>
    serial(async () => {
      if (!joined.delete(threadId)) return;
      presence.remove(threadId, readerKey);
      await socket.leave(rooms.thread(threadId));
    }),
  );

  handle(socket, log, 'thread:typing', typingInput, ({ threadId, typing }) => {
    const state = joined.get(threadId);
    if (!state) throw new AppError('forbidden', 'Join the thread first');
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

  socket.on('disconnect', () => {
    for (const id of joined.keys()) presence.remove(id, readerKey);
    joined.clear();
  });
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
