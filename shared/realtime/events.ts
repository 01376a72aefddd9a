/**
 * The Socket.IO contract, typed once: `new Server<ClientToServerEvents, ServerToClientEvents,
 * InterServerEvents, SocketData>()` on the server and `Socket<ServerToClientEvents,
 * ClientToServerEvents>` in the React client.
 *
 * Rooms (server/realtime/rooms.ts) are chosen by the server only: `thread:<id>` after a
 * permission check in `thread:join`, `feed` via `feed:join`, `user:<id>` and
 * `session:<hash>` at the handshake of a signed-in socket.
 */
import type { ReplyNode, ThreadDetail, ThreadSummary } from '../api/threads';
import type { ErrorCode } from '../api/errors';
import type { ChatEventEnvelope, SendAck } from '../api/chat';

/**
 * What changed in a thread. The same presenters as the HTTP responses build these, seen
 * by an anonymous reader (no bodyMarkdown, no per-viewer vote or permissions): the client
 * keeps its own `viewer` part when it merges (client/src/lib/thread-tree.ts).
 */
export type LiveThreadEvent =
  | { type: 'reply.created'; reply: ReplyNode }
  | { type: 'reply.updated'; reply: ReplyNode }
  | { type: 'reply.deleted'; replyId: string }
  | { type: 'reply.points'; replyId: string; points: number }
  | { type: 'helpful'; helpfulReplyIds: string[] }
  | { type: 'thread.updated'; thread: Partial<Omit<ThreadDetail['thread'], 'viewer'>> };

export type LiveThreadEventType = LiveThreadEvent['type'];

/** One committed thread event with its per-thread sequence number (1, 2, 3 … no gaps). */
export interface ThreadEventEnvelope {
  threadId: string;
  seq: number;
  event: LiveThreadEvent;
  /** When it was committed (ISO). */
  at: string;
}

export interface ThreadJoinInput {
  threadId: string;
  /** The last sequence number this client applied (from ThreadDetail or a previous event). */
  lastSeq?: number | null;
}

export interface ThreadJoinResult {
  /** The thread's sequence number now. */
  seq: number;
  /**
   * Every event after `lastSeq`, in order, when the client sent one and the gap is small.
   * Absent when the client sent no lastSeq.
   */
  events?: ThreadEventEnvelope[];
  /** The gap is too large (or older than the kept history): refetch the thread instead. */
  reset?: boolean;
  /** People reading this thread now, across all instances. */
  reading: number;
  /** This socket may send `thread:typing` here (signed in, not suspended, thread open). */
  canType: boolean;
}

export interface ThreadReplayInput {
  threadId: string;
  lastSeq: number;
}

export interface ThreadReplayResult {
  seq: number;
  events?: ThreadEventEnvelope[];
  reset?: boolean;
}

export interface PresenceUpdate {
  threadId: string;
  reading: number;
}

export interface TypingUpdate {
  threadId: string;
  /** Opaque per person and thread; lets the client count distinct people typing. */
  key: string;
  typing: boolean;
  /** Forget this typist after this long without a new update. */
  expiresInMs: number;
}

export interface ServerNotice {
  code: ErrorCode;
  message: string;
  /** The client event that caused it, when there was one. */
  event?: string;
}

/** Events the server sends. One map, used by `new Server<…>()` and by the React client. */
export interface ServerToClientEvents {
  'feed:thread': (thread: ThreadSummary) => void;
  'thread:event': (envelope: ThreadEventEnvelope) => void;
  'thread:presence': (update: PresenceUpdate) => void;
  'thread:typing': (update: TypingUpdate) => void;
  /** Something this socket did was refused without an acknowledgement to answer (rate limit…). */
  'server:notice': (notice: ServerNotice) => void;
  'server:shutdown': (info: { reconnectInMs: number }) => void;
  /** To the user's own sockets: a notification arrived or was read; refetch the bell. */
  'notifications:changed': () => void;
  /** A committed conversation event, to the conversation's room (its two participants). */
  'chat:event': (envelope: ChatEventEnvelope) => void;
  /** To both participants' own sockets: a message arrived or was read; refresh the badge. */
  'chat:activity': (info: ChatActivity) => void;
  'chat:read': (update: ChatReadUpdate) => void;
  'chat:typing': (update: ChatTypingUpdate) => void;
  'chat:presence': (update: ChatPresenceUpdate) => void;
}

export interface ChatActivity {
  conversationId: string;
  /** The viewer's unread count across all conversations, now. */
  unread: number;
}

export interface ChatReadUpdate {
  conversationId: string;
  userId: string;
  lastReadSeq: number;
}

export interface ChatTypingUpdate {
  conversationId: string;
  userId: string;
  typing: boolean;
  /** Hide the indicator after this long without a new update. */
  expiresInMs: number;
}

export interface ChatPresenceUpdate {
  conversationId: string;
  userId: string;
  /** Has this conversation open now (any tab, any instance). */
  online: boolean;
  lastSeenAt: string | null;
}

export interface ChatJoinInput {
  conversationId: string;
  /** The last sequence number this client applied; absent on a first load. */
  lastSeq?: number | null;
}

export interface ChatJoinResult {
  seq: number;
  events?: ChatEventEnvelope[];
  /** Too far behind: refetch the conversation instead. */
  reset?: boolean;
  otherOnline: boolean;
  otherLastSeenAt: string | null;
  otherLastReadSeq: number;
}

export type AckResult<T = unknown> =
  | { ok: true; data?: T }
  | { ok: false; error: { code: ErrorCode | string; message: string; field?: string } };

export type Ack<T = unknown> = (result: AckResult<T>) => void;

/** Events clients send; each answers through an acknowledgement. */
export interface ClientToServerEvents {
  'feed:join': (ack: Ack) => void;
  'feed:leave': (ack: Ack) => void;
  'thread:join': (input: ThreadJoinInput, ack: Ack<ThreadJoinResult>) => void;
  'thread:leave': (input: { threadId: string }, ack: Ack) => void;
  'thread:replay': (input: ThreadReplayInput, ack: Ack<ThreadReplayResult>) => void;
  'thread:typing': (input: { threadId: string; typing: boolean }, ack: Ack) => void;
  'chat:join': (input: ChatJoinInput, ack: Ack<ChatJoinResult>) => void;
  'chat:leave': (input: { conversationId: string }, ack: Ack) => void;
  'chat:replay': (
    input: { conversationId: string; lastSeq: number },
    ack: Ack<Omit<ChatJoinResult, 'otherOnline' | 'otherLastSeenAt' | 'otherLastReadSeq'>>,
  ) => void;
  'chat:send': (
    input: { conversationId: string; id: string; body: string },
    ack: Ack<SendAck>,
  ) => void;
  'chat:read': (input: { conversationId: string; seq: number }, ack: Ack) => void;
  'chat:typing': (input: { conversationId: string; typing: boolean }, ack: Ack) => void;
}

/** Between instances (through the adapter): presence counts per thread. */
export interface InterServerEvents {
  ping: () => void;
  'presence:counts': (report: PresenceReport) => void;
  'presence:hello': (from: string) => void;
}

export interface PresenceReport {
  /** The sending instance. */
  from: string;
  /** true: these are all of its threads (others are 0); false: only these changed. */
  full: boolean;
  /**
   * Per thread: how many anonymous readers, and which signed-in users, read it on the sending
   * instance. User ids (not counts) so one person with tabs on two instances counts once.
   */
  threads: [threadId: string, anonymous: number, userIds: string[]][];
}

export interface SocketData {
  userId: string | null;
}
