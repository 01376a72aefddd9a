import { z } from 'zod';
import { messageBody, messageId } from '../../shared/api/chat';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { socketState, type SocketEvents } from '../realtime/guard';
import { currentSeq } from '../realtime/outbox';
import { replayStream } from '../realtime/replay';
import { rooms } from '../realtime/rooms';
import type { IoSocket } from '../realtime/types';
import type { ChatEvent } from '../../shared/api/chat';
import { chatAccess } from './policy';
import { setLastSeen } from './queries';
import { markRead, sendMessage } from './service';

/** "is typing" broadcasts: at most one per socket and conversation per this interval… */
const TYPING_EVERY_MS = 2_000;
/** …and the other side hides it this long after the last one. */
const TYPING_EXPIRES_MS = 5_000;
const MAX_CONVERSATIONS_PER_SOCKET = 20;

const conversationId = z.uuid({ message: 'is not a valid conversation id' });
const seq = z
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be 0 or more' });
const joinInput = z.object({ conversationId, lastSeq: seq.nullish() });
const leaveInput = z.object({ conversationId });
const replayInput = z.object({ conversationId, lastSeq: seq });
const sendInput = z.object({ conversationId, id: messageId, body: messageBody });
const readInput = z.object({ conversationId, seq });
const typingInput = z.object({
  conversationId,
  typing: z.boolean({ message: 'must be true or false' }),
});

/**
 * The chat's socket events. Joining the conversation's room needs the same database check as
 * every HTTP route (chatAccess: the two participants only, 404 otherwise); send and read
 * check again on every event, so a suspension or an ended mentorship counts at once.
 * Sockets outside the room never get its events, on any instance (the adapter only
 * delivers a room's broadcasts to sockets in it).
 */
export function chatEvents(
  ctx: AppContext,
  events: SocketEvents,
): { onConnection(socket: IoSocket): void } {
  const log = ctx.logger;
  const joinedOf = (socket: IoSocket) => (socketState(socket).chats ??= new Map());
  const isOpen = (socket: IoSocket, id: string) => !!socketState(socket).chats?.has(id);

  const replay = async (id: string, lastSeq: number | null | undefined) => {
    if (lastSeq === null || lastSeq === undefined) return { seq: await currentSeq(ctx.db, id) };
    const r = await replayStream<ChatEvent>(ctx.db, id, lastSeq, ctx.config.REALTIME_REPLAY_MAX);
    return r.events
      ? { seq: r.seq, events: r.events.map((e) => ({ conversationId: id, ...e })) }
      : { seq: r.seq, reset: true };
  };

  events.on('chat:join', joinInput, async (socket, { conversationId: id, lastSeq }) => {
    const joined = joinedOf(socket);
    if (!joined.has(id) && joined.size >= MAX_CONVERSATIONS_PER_SOCKET)
      throw new AppError('rate_limited', 'Too many conversations open on one connection');
    const access = await chatAccess(ctx.db, id, socket.data.userId);
    if (socket.disconnected) throw new AppError('conflict', 'The connection closed meanwhile');
    // Join before reading the log: later events arrive live, earlier ones in the replay
    // (the client's sequencer drops what it gets twice).
    await socket.join(rooms.conversation(id));
    const first = !joined.has(id);
    joined.set(id, joined.get(id) ?? { lastTyping: 0 });
    const [caughtUp, openNow] = await Promise.all([
      replay(id, lastSeq),
      ctx.realtime?.chatRoomUsers(id, 500).catch((): string[] => []) ?? Promise.resolve([]),
    ]);
    if (first)
      ctx.realtime?.toConversation(id, 'chat:presence', {
        conversationId: id,
        userId: access.userId,
        online: true,
        lastSeenAt: null,
      });
    return {
      ...caughtUp,
      otherOnline: openNow.includes(access.otherId),
      otherLastSeenAt: access.otherLastSeenAt?.toISOString() ?? null,
      otherLastReadSeq: access.otherLastReadSeq,
    };
  });

  events.on('chat:replay', replayInput, async (socket, { conversationId: id, lastSeq }) => {
    if (!isOpen(socket, id)) throw new AppError('not_found', 'That conversation was not found');
    return replay(id, lastSeq);
  });

  const left = async (userId: string | null, id: string) => {
    if (!userId) return;
    const open = await ctx.realtime?.chatRoomUsers(id, 500).catch(() => [userId]);
    if (open?.includes(userId)) return; // another tab still has it open
    const at = await setLastSeen(ctx.db, id, userId);
    ctx.realtime?.toConversation(id, 'chat:presence', {
      conversationId: id,
      userId,
      online: false,
      lastSeenAt: at.toISOString(),
    });
  };

  events.on('chat:leave', leaveInput, async (socket, { conversationId: id }) => {
    if (!socketState(socket).chats?.delete(id)) return;
    await socket.leave(rooms.conversation(id));
    await left(socket.data.userId, id);
  });

  events.on('chat:send', sendInput, (socket, { conversationId: id, ...input }) => {
    const userId = socket.data.userId;
    if (!userId) throw new AppError('not_found', 'That conversation was not found');
    return sendMessage(ctx, userId, id, input);
  });

  events.on('chat:read', readInput, async (socket, { conversationId: id, seq: s }) => {
    const userId = socket.data.userId;
    if (!userId) throw new AppError('not_found', 'That conversation was not found');
    await markRead(ctx, userId, id, s);
  });

  events.on('chat:typing', typingInput, (socket, { conversationId: id, typing }) => {
    const state = socketState(socket).chats?.get(id);
    const userId = socket.data.userId;
    if (!state || !userId) throw new AppError('not_found', 'That conversation was not found');
    const now = Date.now();
    if (typing && now - state.lastTyping < TYPING_EVERY_MS) return;
    state.lastTyping = typing ? now : 0;
    socket
      .to(rooms.conversation(id))
      .except(rooms.user(userId))
      .emit('chat:typing', { conversationId: id, userId, typing, expiresInMs: TYPING_EXPIRES_MS });
  });

  // One function for every socket (`this` is the socket that closed).
  function onDisconnect(this: IoSocket) {
    const joined = socketState(this).chats;
    if (!joined) return;
    const ids = [...joined.keys()];
    joined.clear();
    for (const id of ids)
      left(this.data.userId, id).catch((err: unknown) =>
        log.warn({ err }, 'chat presence update failed'),
      );
  }

  return { onConnection: (socket) => void socket.on('disconnect', onDisconnect) };
}
