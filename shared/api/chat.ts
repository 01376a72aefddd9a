/**
 * Live mentor chat: the API contract. Every path is under /api and needs a signed-in viewer
 * who is one of the conversation's two participants (anyone else: 404).
 *
 *   GET    /conversations?cursor&limit              -> Page<ConversationSummary> (recent first)
 *   GET    /conversations/unread                    -> { unread: number }   (the nav badge)
 *   GET    /conversations/:id                       -> ConversationDetail
 *   GET    /conversations/:id/messages?before|after -> MessagePage (ascending by seq)
 *   POST   /conversations/:id/messages  sendInput   -> SendAck (same id again: same ack)
 *   PATCH  /conversations/:id/messages/:mid editInput -> ChatMessage (own, within 15 min)
 *   DELETE /conversations/:id/messages/:mid         -> ChatMessage (own, within 15 min)
 *   PUT    /conversations/:id/messages/:mid/pin  { pinned }  -> ChatMessage
 *   PUT    /conversations/:id/messages/:mid/done { done }    -> ChatMessage
 *   POST   /conversations/:id/messages/:mid/report reportInput -> { reported: true }
 *   POST   /conversations/:id/read      readInput   -> { lastReadSeq, unread }
 *   GET|PUT /chat/settings              { emailUnread } -> ChatSettings
 *
 * The socket carries the same operations (chat:send, chat:read, …; shared/realtime/events.ts).
 */
import { z } from 'zod';
import { pageCursor, pageLimit } from './paging';

export const CHAT_MAX_CHARS = 4000;
export const CHAT_EDIT_WINDOW_MINUTES = 15;

const seqNumber = z.coerce
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be 0 or more' });

export const messageBody = z
  .string({ message: 'must be text' })
  .refine((s) => s.trim().length > 0, { message: 'cannot be empty' })
  // A lone surrogate half is not text: it could not be stored or sent on as JSON.
  .refine((s) => !/\p{Cs}/u.test(s), { message: 'must be valid Unicode text' })
  .refine((s) => s.length <= CHAT_MAX_CHARS, {
    message: `must be at most ${CHAT_MAX_CHARS.toLocaleString('en-US')} characters`,
  });

export const messageId = z.uuid({ message: 'must be a message id (a uuid made by the client)' });

export const sendInput = z.object({ id: messageId, body: messageBody });
export type SendInput = z.infer<typeof sendInput>;

export const editInput = z.object({ body: messageBody });
export const readInput = z.object({ seq: seqNumber });
export const pinInput = z.object({ pinned: z.boolean({ message: 'must be true or false' }) });
export const doneInput = z.object({ done: z.boolean({ message: 'must be true or false' }) });
export const reportReasons = ['spam', 'harassment', 'off_topic', 'other'] as const;
export const reportInput = z.object({
  reason: z.enum(reportReasons, { message: `must be one of ${reportReasons.join(', ')}` }),
  note: z.string().max(1000, { message: 'must be at most 1,000 characters' }).optional(),
});
export const settingsInput = z.object({
  emailUnread: z.boolean({ message: 'must be true or false' }),
});

export const conversationListQuery = z.object({
  cursor: pageCursor(200),
  limit: pageLimit(50, 20),
});
export const messagePageQuery = z.object({
  before: seqNumber.optional(),
  after: seqNumber.optional(),
  limit: pageLimit(100, 50),
});

export interface ChatPerson {
  id: string;
  handle: string;
  displayName: string;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  /** Position in the conversation; the client orders by this, never by arrival. */
  seq: number;
  senderId: string | null;
  /** Empty once deleted. */
  bodyMarkdown: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  pinned: { at: string; byId: string | null } | null;
  done: { at: string; byId: string | null } | null;
}

/** The acknowledgement of a send: the same for every retry of one id. */
export interface SendAck {
  id: string;
  seq: number;
  at: string;
}

export interface ConversationSummary {
  id: string;
  other: ChatPerson;
  lastMessage: { snippet: string; at: string; senderId: string | null } | null;
  unread: number;
  readOnly: boolean;
}

export interface ConversationDetail {
  id: string;
  me: ChatPerson;
  other: ChatPerson;
  /** The conversation's stream position now: join the socket room with it. */
  seq: number;
  myLastReadSeq: number;
  otherLastReadSeq: number;
  /** The first message the viewer has not read (null: none). */
  firstUnreadSeq: number | null;
  unread: number;
  otherLastSeenAt: string | null;
  /** Set once the mentorship ended: the conversation is read-only. */
  ended: { at: string; by: string | null } | null;
  canSend: boolean;
  pinned: ChatMessage[];
}

export interface MessagePage {
  items: ChatMessage[];
  /** Older messages exist before the first item. */
  hasOlder: boolean;
  /** Newer messages exist after the last item. */
  hasNewer: boolean;
}

export interface ChatSettings {
  emailUnread: boolean;
}

/** Sequenced conversation events (replayed after a reconnect, in order, once). */
export type ChatEvent =
  | { type: 'message.created'; message: ChatMessage }
  | { type: 'message.updated'; message: ChatMessage };

export interface ChatEventEnvelope {
  conversationId: string;
  seq: number;
  event: ChatEvent;
  at: string;
}
