import type {
  ChatEvent,
  ChatEventEnvelope,
  ChatMessage,
  ConversationDetail,
  ConversationSummary,
  MessagePage,
  SendAck,
  SendInput,
} from '../../shared/api/chat';
import { CHAT_EDIT_WINDOW_MINUTES } from '../../shared/api/chat';
import type { Page } from '../../shared/api/threads';
import { renderMarkdown } from '../../shared/markdown';
import type { AppContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Trx } from '../forum/author';
import { AppError, notFound } from '../http/errors';
import { afterKey } from '../lib/paging';
import { encodeCursor } from '../lib/cursor';
import { currentSeq, storeStreamEvents, takeStreamSeqs } from '../realtime/outbox';
import { assertCanSend, chatAccess, participantsOf, type ChatAccess } from './policy';
import { presentMessage, presentPerson, snippet } from './presenter';
import * as q from './queries';
import { enqueueUnreadEmail } from './unread-email';
import { floodRefusal, takeChatToken } from './flood';

/**
 * The chat's writes. Each one: access check (404 for anyone but the two participants),
 * the change, then the conversation's next stream sequence number and its event in the
 * same transaction (threads' log: thread_event_counters/thread_events keyed by the
 * conversation id), published to the room only after commit.
 */

const ack = (m: { id: string; seq: number | string; created_at: Date }): SendAck => ({
  id: m.id,
  seq: Number(m.seq),
  at: m.created_at.toISOString(),
});

/**
 * Stores a message (next sequence number, stream event, unread-email job) and answers with
 * its acknowledgement; the same id again gets the same acknowledgement, never a second row.
 * One statement, on its own (q.storeNewMessage: it checks the right to send, takes the
 * number, stores message and event, and says whether the recipient's unread email needs a
 * job) — one round trip where BEGIN and COMMIT made three, which is what a send costs on
 * this machine. The job, for the one message of a burst that finds none queued, follows
 * before the acknowledgement.
 */
export async function sendMessage(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  input: SendInput,
): Promise<SendAck> {
  const people = await participantsOf(ctx.db, conversationId);
  if (!people?.includes(userId)) throw notFound('That conversation');
  const otherId = people.find((p) => p !== userId) ?? userId;
  const existing = async () => {
    const row = await q.messageById(ctx.db, input.id);
    if (!row) return null;
    if (row.conversation_id !== conversationId || row.sender_id !== userId)
      throw new AppError('conflict', 'id: this message id is already used', 'id');
    return ack(row);
  };
  takeChatToken(ctx, userId);
  // The app's clock, not the database's: the event's payload is built here, before the
  // statement, and needs the time the row will have.
  const at = new Date();
  const html = renderMarkdown(input.body);
  const message = presentMessage({
    id: input.id,
    conversation_id: conversationId,
    seq: '0', // filled in by the statement
    sender_id: userId,
    body_md: input.body,
    body_html: html,
    created_at: at,
    edited_at: null,
    deleted_at: null,
    pinned_at: null,
    pinned_by: null,
    done_at: null,
    done_by: null,
  });
  let r: q.StoredSend | undefined;
  try {
    r = await q.storeNewMessage(ctx.db, ctx.pool, {
      id: input.id,
      conversationId,
      senderId: userId,
      md: input.body,
      html,
      at,
      payload: JSON.stringify({ type: 'message.created', message }),
      floodCapacity: ctx.config.CHAT_MESSAGES_PER_10S,
      emailJobStaleMs: (ctx.config.CHAT_EMAIL_DELAY_MINUTES + 60) * 60_000,
    });
  } catch (err) {
    // A resend of a stored id: the statement failed whole (its sequence number given back).
    if (!isUniqueViolation(err)) throw err;
    const again = await existing();
    if (!again) throw err;
    // The first try may have stopped between its commit and its email job (it was never
    // acknowledged, which is why the client resends): queue the job now. The queue's
    // singleton key and the job's own re-read keep it to one mail about these messages.
    await enqueueUnreadEmail(ctx, ctx.db, { conversationId, recipientId: otherId });
    return again;
  }
  if (!r || r.gone) throw notFound('That conversation');
  if (r.suspended) throw new AppError('forbidden', 'Suspended members cannot send messages');
  if (r.status !== 'active')
    throw new AppError('forbidden', 'This mentorship has ended; the conversation is read-only');
  if (r.recent >= ctx.config.CHAT_MESSAGES_PER_10S) throw floodRefusal(ctx);
  if (r.email_job) await enqueueUnreadEmail(ctx, ctx.db, { conversationId, recipientId: otherId });
  const seq = Number(r.seq);
  const event: ChatEvent = { type: 'message.created', message: { ...message, seq } };
  const sent = {
    envelope: { conversationId, seq, event, at: at.toISOString() },
    unread: Number(r.other_unread),
  };
  publish(ctx, sent.envelope);
  announceUnread(ctx, conversationId, otherId, sent.unread);
  return { id: input.id, seq: sent.envelope.seq, at: sent.envelope.at };
}

/** Changes one message (edit, delete, pin, done) and records message.updated. */
async function changeMessage(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  messageId: string,
  change: (access: ChatAccess, row: q.MessageRow) => Partial<q.MessageRow> | null,
): Promise<ChatMessage> {
  const access = await chatAccess(ctx.db, conversationId, userId);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('chat_messages')
      .selectAll()
      .where('id', '=', messageId)
      .where('conversation_id', '=', conversationId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('That message');
    const set = change(access, row);
    if (!set) return { message: presentMessage(row), envelope: null, unread: null };
    const updated = await trx
      .updateTable('chat_messages')
      .set(set)
      .where('id', '=', messageId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const message = presentMessage(updated);
    return {
      message,
      envelope: await record(trx, conversationId, { type: 'message.updated', message }),
      // A deleted message leaves the other person's unread count.
      unread: message.deletedAt ? await q.unreadTotal(trx, access.otherId) : null,
    };
  });
  if (result.envelope) publish(ctx, result.envelope);
  if (result.envelope && result.unread !== null)
    announceUnread(ctx, conversationId, access.otherId, result.unread);
  return result.message;
}

async function record(
  trx: Trx,
  conversationId: string,
  event: ChatEvent,
): Promise<ChatEventEnvelope> {
  const { first: seq, at } = await takeStreamSeqs(trx, conversationId, 1);
  await storeStreamEvents(trx, conversationId, at, [{ seq, event }]);
  return { conversationId, seq, event, at: at.toISOString() };
}

function ownAndRecent(access: ChatAccess, row: q.MessageRow, what: string): void {
  assertCanSend(access);
  if (row.sender_id !== access.userId)
    throw new AppError('forbidden', `You can only ${what} your own messages`);
  if (row.deleted_at) throw new AppError('conflict', 'That message was deleted');
  if (Date.now() - row.created_at.getTime() > CHAT_EDIT_WINDOW_MINUTES * 60_000)
    throw new AppError(
      'forbidden',
      `Messages can be ${what === 'edit' ? 'edited' : 'deleted'} for ${CHAT_EDIT_WINDOW_MINUTES} minutes after sending`,
    );
}

export const editMessage = (
  ctx: AppContext,
  userId: string,
  cid: string,
  mid: string,
  body: string,
) =>
  changeMessage(ctx, userId, cid, mid, (access, row) => {
    ownAndRecent(access, row, 'edit');
    if (row.body_md === body) return null;
    return { body_md: body, body_html: renderMarkdown(body), edited_at: new Date() };
  });

export const deleteMessage = (ctx: AppContext, userId: string, cid: string, mid: string) =>
  changeMessage(ctx, userId, cid, mid, (access, row) => {
    ownAndRecent(access, row, 'delete');
    return { deleted_at: new Date(), pinned_at: null, pinned_by: null };
  });

export const pinMessage = (
  ctx: AppContext,
  userId: string,
  cid: string,
  mid: string,
  pinned: boolean,
) =>
  changeMessage(ctx, userId, cid, mid, (access, row) => {
    assertCanSend(access);
    if (row.deleted_at) throw new AppError('conflict', 'That message was deleted');
    if (!!row.pinned_at === pinned) return null;
    return pinned
      ? { pinned_at: new Date(), pinned_by: userId }
      : { pinned_at: null, pinned_by: null, done_at: null, done_by: null };
  });

export const markDone = (
  ctx: AppContext,
  userId: string,
  cid: string,
  mid: string,
  done: boolean,
) =>
  changeMessage(ctx, userId, cid, mid, (access, row) => {
    assertCanSend(access);
    if (!row.pinned_at) throw new AppError('conflict', 'Pin the message as a next step first');
    if (!!row.done_at === done) return null;
    return done ? { done_at: new Date(), done_by: userId } : { done_at: null, done_by: null };
  });

/**
 * Marks read up to `seq`. Read marks of one person in one conversation are coalesced in this
 * process: while one is being written, the next ones wait and go as a single write of the
 * highest position asked for (a read position only moves forward, so nothing is lost), and
 * every caller gets that write's answer. Each write checks access itself (q.markRead), after
 * every event merged into it arrived.
 */
export function markRead(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  seq: number,
): Promise<{ lastReadSeq: number; unread: number }> {
  let marks = readMarks.get(ctx);
  if (!marks) readMarks.set(ctx, (marks = new Map()));
  const key = `${userId}:${conversationId}`;
  const state = marks.get(key);
  if (state) {
    // One write is running: join the next one (there is at most one waiting).
    state.next ??= { seq, done: deferred() };
    state.next.seq = Math.max(state.next.seq, seq);
    return state.next.done.promise;
  }
  const run = (s: number): Promise<ReadResult> =>
    writeReadMark(ctx, userId, conversationId, s).finally(() => {
      const waiting = marks.get(key)?.next;
      if (!waiting) return void marks.delete(key);
      marks.set(key, {});
      run(waiting.seq).then(waiting.done.resolve, waiting.done.reject);
    });
  marks.set(key, {});
  return run(seq);
}

type ReadResult = { lastReadSeq: number; unread: number };
const readMarks = new WeakMap<
  AppContext,
  Map<string, { next?: { seq: number; done: ReturnType<typeof deferred<ReadResult>> } }>
>();

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

async function writeReadMark(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  seq: number,
): Promise<ReadResult> {
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) throw notFound('That conversation');
  const r = await q.markRead(ctx.db, conversationId, userId, seq);
  if (!r) throw notFound('That conversation');
  if (r.moved) {
    ctx.realtime?.toConversation(conversationId, 'chat:read', {
      conversationId,
      userId,
      lastReadSeq: r.lastReadSeq,
    });
    ctx.realtime?.toUser(userId, 'chat:activity', { conversationId, unread: r.unread });
  }
  return { lastReadSeq: r.lastReadSeq, unread: r.unread };
}

export async function conversationDetail(
  ctx: AppContext,
  userId: string,
  conversationId: string,
): Promise<ConversationDetail> {
  const access = await chatAccess(ctx.db, conversationId, userId);
  const [persons, seq, unread, pinned] = await Promise.all([
    q.people(ctx.db, [userId, access.otherId]),
    currentSeq(ctx.db, conversationId),
    q.unreadIn(ctx.db, conversationId, userId, access.myLastReadSeq),
    q.pinnedMessages(ctx.db, conversationId),
  ]);
  const person = (id: string) => presentPerson(persons.find((p) => p.id === id)!);
  return {
    id: conversationId,
    me: person(userId),
    other: person(access.otherId),
    seq,
    myLastReadSeq: access.myLastReadSeq,
    otherLastReadSeq: access.otherLastReadSeq,
    firstUnreadSeq: unread.first,
    unread: unread.count,
    otherLastSeenAt: access.otherLastSeenAt?.toISOString() ?? null,
    ended: access.ended ? { at: access.ended.at.toISOString(), by: access.ended.by } : null,
    canSend: !access.cannotSend,
    pinned: pinned.map(presentMessage),
  };
}

export async function history(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  o: { before?: number; after?: number; limit: number },
): Promise<MessagePage> {
  await chatAccess(ctx.db, conversationId, userId);
  if (o.before !== undefined && o.after !== undefined)
    throw new AppError('invalid_input', 'before: send before or after, not both', 'before');
  const { rows, more } = await q.messagePage(ctx.db, conversationId, o);
  const forward = o.after !== undefined;
  const first = rows[0] ? Number(rows[0].seq) : null;
  return {
    items: rows.map(presentMessage),
    hasOlder: forward ? first !== null && first > 1 : more,
    hasNewer: forward ? more : o.before !== undefined,
  };
}

export async function inbox(
  ctx: AppContext,
  userId: string,
  o: { cursor?: string; limit: number },
): Promise<Page<ConversationSummary>> {
  const rows = await q.inbox(ctx.db, userId, { limit: o.limit, after: afterKey(o.cursor) });
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      other: { id: r.other_id, handle: r.other_handle, displayName: r.other_display_name },
      lastMessage: r.last_at
        ? {
            snippet: r.last_deleted ? 'message deleted' : snippet(r.last_md ?? ''),
            at: r.last_at.toISOString(),
            senderId: r.last_sender,
          }
        : null,
      unread: Number(r.unread),
      readOnly: !r.active,
    })),
    nextCursor: rows.length > o.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}

export async function reportMessage(
  ctx: AppContext,
  userId: string,
  conversationId: string,
  messageId: string,
  input: { reason: string; note?: string },
): Promise<void> {
  await chatAccess(ctx.db, conversationId, userId);
  const row = await q.messageById(ctx.db, messageId);
  if (!row || row.conversation_id !== conversationId) throw notFound('That message');
  await ctx.db
    .insertInto('chat_reports')
    .values({
      message_id: messageId,
      reporter_id: userId,
      reason: input.reason,
      note: input.note ?? null,
    })
    .onConflict((oc) => oc.columns(['message_id', 'reporter_id']).doNothing())
    .execute();
}

function publish(ctx: AppContext, e: ChatEventEnvelope): void {
  try {
    ctx.realtime?.chatEvent(e);
  } catch (err) {
    ctx.logger.error({ err }, 'publishing a chat event failed (clients catch up on reconnect)');
  }
}

/** The recipient's badge, on every tab: the count read in the change's transaction, sent after commit. */
function announceUnread(ctx: AppContext, conversationId: string, userId: string, unread: number) {
  try {
    ctx.realtime?.toUser(userId, 'chat:activity', { conversationId, unread });
  } catch (err) {
    ctx.logger.warn({ err }, 'chat badge update failed');
  }
}
