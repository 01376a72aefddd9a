import { sql, type RawBuilder, type Selectable } from 'kysely';
import type pg from 'pg';
import type { Db } from '../db';
import { channelsOf } from '../notifications/preferences';
import { setChannel } from '../notifications/settings';
import type { ChatMessages } from '../db/types';
import type { Trx } from '../forum/author';

export type MessageRow = Selectable<ChatMessages>;

export async function messageById(db: Db | Trx, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('chat_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMessage(
  trx: Trx,
  m: {
    id: string;
    conversationId: string;
    seq: number;
    senderId: string;
    md: string;
    html: string;
    at: Date;
  },
): Promise<MessageRow> {
  const row = await trx
    .insertInto('chat_messages')
    .values({
      id: m.id,
      conversation_id: m.conversationId,
      seq: m.seq,
      sender_id: m.senderId,
      body_md: m.md,
      body_html: m.html,
      created_at: m.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('conversations')
    .set({ last_message_at: m.at })
    .where('id', '=', m.conversationId)
    .execute();
  return row;
}

/**
 * Unread messages from others in participant row `op`'s conversation after `seq`, as a
 * LATERAL subquery: one range scan of (conversation_id, seq) per conversation, whatever the
 * planner thinks of a young table (a join let it scan every message of every conversation:
 * 1.8 ms per send at 5,000 messages in bench/chat.bench.ts, growing with the table).
 */
const unreadAfter = (seq: RawBuilder<unknown>) => sql`
  SELECT count(*) AS n FROM chat_messages om
   WHERE om.conversation_id = op.conversation_id AND om.seq > ${seq}
     AND om.sender_id IS DISTINCT FROM op.user_id AND om.deleted_at IS NULL`;

export interface StoredSend {
  /** Why the sender may not send, read in this statement; the app turns it into an error. */
  gone: boolean;
  suspended: boolean;
  status: string | null;
  recent: number;
  /** The sequence number taken, and the message's (null: its id was already stored). */
  took: number | null;
  seq: number | null;
  other_id: string;
  /** This message queued the recipient's unread email: enqueue its job in this transaction. */
  email_job: boolean;
  /** The recipient's unread total with this message in it. */
  other_unread: number;
}

/**
 * The whole send in ONE statement (one round trip inside the transaction instead of seven):
 * the sender's right to send, read fresh (still a participant, account not deleted, not
 * suspended, mentorship active, under the cluster-wide flood limit); only if allowed, the
 * conversation's next stream sequence number, the message, the inbox's last_message_at and
 * the stream event for replays; and the recipient's new badge count. The counter row stays
 * locked until commit, so sequence order is commit order (see realtime/outbox.ts).
 *
 * The event payload is the presenter's, built by the caller; only its seq is filled in here.
 * Every sub-statement sees the snapshot from before the insert, hence the `+ 1`: the new
 * message is from the sender, not deleted and past the recipient's read position (a read
 * position never passes the newest message).
 */
export async function storeNewMessage(
  db: Db,
  pool: pg.Pool,
  m: {
    id: string;
    conversationId: string;
    senderId: string;
    md: string;
    html: string;
    at: Date;
    payload: string;
    floodCapacity: number;
    /** An email job queued longer ago than this is taken as gone (it failed for good). */
    emailJobStaleMs: number;
  },
): Promise<StoredSend | undefined> {
  const statement = sql<StoredSend>`
    WITH me AS (
      SELECT u.deleted_at IS NOT NULL AS gone,
             coalesce(u.suspended_until > now(), false) AS suspended,
             o.user_id AS other_id,
             (SELECT ms.status FROM mentorships ms WHERE ms.conversation_id = p.conversation_id
               ORDER BY (ms.status = 'active') DESC, ms.started_at DESC LIMIT 1) AS status,
             (SELECT count(*)::int FROM (
                SELECT 1 FROM chat_messages
                 WHERE sender_id = p.user_id
                   AND created_at > ${m.at}::timestamptz - interval '10 seconds'
                 LIMIT ${m.floodCapacity}) recent) AS recent
        FROM conversation_participants p
        JOIN users u ON u.id = p.user_id
        JOIN conversation_participants o
          ON o.conversation_id = p.conversation_id AND o.user_id <> p.user_id
       WHERE p.conversation_id = ${m.conversationId}::uuid AND p.user_id = ${m.senderId}::uuid
    ), counter AS (
      INSERT INTO thread_event_counters AS c (thread_id, last_seq)
      SELECT ${m.conversationId}::uuid, 1 FROM me
       WHERE NOT gone AND NOT suspended AND status = 'active' AND recent < ${m.floodCapacity}
      ON CONFLICT (thread_id) DO UPDATE SET last_seq = c.last_seq + 1
      RETURNING c.last_seq
    ), msg AS (
      INSERT INTO chat_messages (id, conversation_id, seq, sender_id, body_md, body_html, created_at)
      SELECT ${m.id}::uuid, ${m.conversationId}::uuid, last_seq, ${m.senderId}::uuid,
             ${m.md}, ${m.html}, ${m.at}::timestamptz
        FROM counter
      RETURNING seq
    ), conv AS (
      UPDATE conversations SET last_message_at = ${m.at}::timestamptz
       WHERE id = ${m.conversationId}::uuid AND EXISTS (SELECT 1 FROM msg)
    ), pending AS (
      -- Whether the recipient's unread-email job is already queued. The row stays locked
      -- until this send commits, so the job (which clears the flag under the same lock, then
      -- reads what is unread) either sees this message or leaves the flag for it to set.
      -- See migrations/2026_12_04_200500_chat_email_pending.ts.
      SELECT email_job_at > now() - ${m.emailJobStaleMs} * interval '1 millisecond' AS queued
        FROM conversation_participants
       WHERE conversation_id = ${m.conversationId}::uuid AND user_id = (SELECT other_id FROM me)
         AND EXISTS (SELECT 1 FROM msg)
         FOR UPDATE
    ), email AS (
      UPDATE conversation_participants SET email_job_at = now()
       WHERE conversation_id = ${m.conversationId}::uuid AND user_id = (SELECT other_id FROM me)
         AND (SELECT queued IS NOT TRUE FROM pending)
      RETURNING 1
    ), event AS (
      INSERT INTO thread_events (thread_id, seq, type, payload, created_at)
      SELECT ${m.conversationId}::uuid, seq, 'message.created',
             jsonb_set(${m.payload}::jsonb, '{message,seq}', to_jsonb(seq)), ${m.at}::timestamptz
        FROM msg
    )
    SELECT me.gone, me.suspended, me.status, me.recent, me.other_id,
           (SELECT last_seq FROM counter) AS took, (SELECT seq FROM msg) AS seq,
           EXISTS (SELECT 1 FROM email) AS email_job,
           (SELECT coalesce(sum(u.n), 0) FROM conversation_participants op
              CROSS JOIN LATERAL (${unreadAfter(sql`op.last_read_seq`)}) u
             WHERE op.user_id = me.other_id) + 1 AS other_unread
      FROM me`.compile(db);
  // A named statement: each connection parses and plans it once (after a few runs Postgres
  // keeps a generic plan), where an unnamed one was planned on every send — half of the
  // database's CPU per message in bench/chat.bench.ts. The text never varies.
  const { rows } = await pool.query<StoredSend>({
    name: 'chat-store-message',
    text: statement.sql,
    values: [...statement.parameters],
  });
  return rows[0];
}

/** A page of messages in sequence order: the newest, before `before`, or after `after`. */
export async function messagePage(
  db: Db,
  conversationId: string,
  o: { before?: number; after?: number; limit: number },
): Promise<{ rows: MessageRow[]; more: boolean }> {
  const forward = o.after !== undefined;
  const rows = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .$if(o.before !== undefined, (q) => q.where('seq', '<', String(o.before)))
    .$if(forward, (q) => q.where('seq', '>', String(o.after)))
    .orderBy('seq', forward ? 'asc' : 'desc')
    .limit(o.limit + 1)
    .execute();
  const more = rows.length > o.limit;
  const page = rows.slice(0, o.limit);
  return { rows: forward ? page : page.reverse(), more };
}

export async function pinnedMessages(db: Db, conversationId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('pinned_at', 'is not', null)
    .where('deleted_at', 'is', null)
    .orderBy('pinned_at')
    .execute();
}

/** Messages from the other person after `afterSeq` (not deleted). */
export async function unreadIn(
  db: Db | Trx,
  conversationId: string,
  userId: string,
  afterSeq: number,
): Promise<{ count: number; first: number | null }> {
  const r = await db
    .selectFrom('chat_messages')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('seq').as('first')])
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', String(afterSeq))
    .where('sender_id', 'is distinct from', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), first: r.first === null ? null : Number(r.first) };
}

/** The nav badge: unread messages from others across all of this person's conversations. */
export async function unreadTotal(db: Db | Trx, userId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT coalesce(sum(u.n), 0) AS n
      FROM conversation_participants op
      CROSS JOIN LATERAL (${unreadAfter(sql`op.last_read_seq`)}) u
     WHERE op.user_id = ${userId}::uuid`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export interface InboxRow {
  id: string;
  sort_key: string;
  other_id: string;
  other_handle: string;
  other_display_name: string;
  last_md: string | null;
  last_at: Date | null;
  last_sender: string | null;
  last_deleted: boolean | null;
  unread: string;
  active: boolean;
}

/** The inbox, most recent first (keyset on last message time, then id); one query. */
export async function inbox(
  db: Db,
  userId: string,
  o: { limit: number; after?: readonly [string, string] },
): Promise<InboxRow[]> {
  const after = o.after
    ? sql`AND (coalesce(c.last_message_at, c.created_at), c.id) < (${o.after[0]}::timestamptz, ${o.after[1]}::uuid)`
    : sql``;
  const { rows } = await sql<InboxRow>`
    SELECT c.id,
           to_char(coalesce(c.last_message_at, c.created_at) AT TIME ZONE 'UTC',
                   'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key,
           o.user_id AS other_id, u.handle AS other_handle, u.display_name AS other_display_name,
           l.body_md AS last_md, l.created_at AS last_at, l.sender_id AS last_sender,
           l.deleted_at IS NOT NULL AS last_deleted,
           (SELECT count(*) FROM chat_messages m
             WHERE m.conversation_id = c.id AND m.seq > me.last_read_seq
               AND m.sender_id IS DISTINCT FROM me.user_id AND m.deleted_at IS NULL) AS unread,
           EXISTS (SELECT 1 FROM mentorships ms
                    WHERE ms.conversation_id = c.id AND ms.status = 'active') AS active
      FROM conversation_participants me
      JOIN conversations c ON c.id = me.conversation_id
      JOIN conversation_participants o ON o.conversation_id = c.id AND o.user_id <> me.user_id
      JOIN users u ON u.id = o.user_id
      LEFT JOIN LATERAL (
        SELECT body_md, created_at, sender_id, deleted_at FROM chat_messages
         WHERE conversation_id = c.id ORDER BY seq DESC LIMIT 1
      ) l ON true
     WHERE me.user_id = ${userId}::uuid ${after}
     ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id DESC
     LIMIT ${o.limit + 1}`.execute(db);
  return rows;
}

export async function people(db: Db, ids: string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name'])
    .where('id', 'in', ids)
    .execute();
}

/**
 * Moves the read position forward only (a late, older mark never un-reads), in one
 * statement: the access check (a participant whose account still exists; undefined
 * otherwise), the capped move, and the reader's new badge count. The count cannot see the
 * statement's own update (one snapshot), so this conversation counts from the new position.
 */
export async function markRead(
  db: Db,
  conversationId: string,
  userId: string,
  seq: number,
): Promise<{ lastReadSeq: number; moved: boolean; unread: number } | undefined> {
  const { rows } = await sql<{ last_read_seq: number; moved: boolean; unread: number }>`
    WITH target AS (
      SELECT greatest(p.last_read_seq, least(${seq}::bigint,
               (SELECT coalesce(max(seq), 0) FROM chat_messages
                 WHERE conversation_id = ${conversationId}::uuid))) AS s
        FROM conversation_participants p JOIN users u ON u.id = p.user_id
       WHERE p.conversation_id = ${conversationId}::uuid AND p.user_id = ${userId}::uuid
         AND u.deleted_at IS NULL
    ), upd AS (
      UPDATE conversation_participants p SET last_read_seq = t.s FROM target t
       WHERE p.conversation_id = ${conversationId}::uuid AND p.user_id = ${userId}::uuid
         AND p.last_read_seq < t.s
      RETURNING p.last_read_seq
    )
    SELECT t.s AS last_read_seq, EXISTS (SELECT 1 FROM upd) AS moved,
           (SELECT coalesce(sum(u.n), 0) FROM conversation_participants op
              CROSS JOIN LATERAL (${unreadAfter(
                sql`CASE WHEN op.conversation_id = ${conversationId}::uuid
                         THEN t.s ELSE op.last_read_seq END`,
              )}) u
             WHERE op.user_id = ${userId}::uuid) AS unread
      FROM target t`.execute(db);
  const r = rows[0];
  return r && { lastReadSeq: Number(r.last_read_seq), moved: r.moved, unread: Number(r.unread) };
}

export async function setLastSeen(db: Db, conversationId: string, userId: string): Promise<Date> {
  const r = await db
    .updateTable('conversation_participants')
    .set({ last_seen_at: sql<Date>`now()` })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .returning('last_seen_at')
    .executeTakeFirst();
  return r?.last_seen_at ?? new Date();
}

/**
 * "Email me when a message waits unread" is the notification setting of the chat_message
 * category — one setting, whether changed on the Messages page, on /settings/notifications
 * or by the email's one-click unsubscribe: on = email right away, off = in the app only.
 */
export async function emailUnreadOn(db: Db | Trx, userId: string): Promise<boolean> {
  return (await channelsOf(db, userId)).chat_message === 'email';
}

export async function setEmailUnread(db: Db, userId: string, on: boolean): Promise<void> {
  await setChannel(db, userId, 'chat_message', on ? 'email' : 'app');
}
