import { sql, type Transaction } from 'kysely';
import { snippet } from '../chat/presenter';
import type { DB } from '../db/types';
import { topOrder } from '../threads/queries';
import type { DigestContent } from './content';

/**
 * Two digest sections that read other features' tables, each ONE query for the whole batch
 * (a VALUES list of the batch's people joined to the data), never one per person.
 */

export interface Window {
  userId: string;
  since: Date;
}

/** Top threads per person in the section (the forum's TOP order). */
export const TAG_THREADS_PER_DIGEST = 5;

type Chat = NonNullable<DigestContent['chats']>[number];
type TagThread = NonNullable<DigestContent['tagThreads']>[number];

/**
 * Conversations where the other person wrote something I have not read (after my read
 * position, not deleted) and the latest of it arrived in the period: the other person's name,
 * how many messages wait, a one-line excerpt of the latest, and the link. Older unread
 * conversations were in an earlier digest already. Whether the person gets the section at all
 * is their chat_message category (the caller's check; the Messages page's toggle is the same
 * setting).
 */
export async function unreadChatsOf(
  trx: Transaction<DB>,
  windows: Window[],
): Promise<Map<string, Chat[]>> {
  const out = new Map<string, Chat[]>();
  if (windows.length === 0) return out;
  const values = sql.join(windows.map((w) => sql`(${w.userId}::uuid, ${w.since}::timestamptz)`));
  const { rows } = await sql<{
    user_id: string;
    conversation_id: string;
    other_name: string;
    unread: string;
    latest_md: string;
  }>`
    SELECT w.user_id, me.conversation_id, u.display_name AS other_name, x.unread, m.body_md AS latest_md
      FROM (VALUES ${values}) AS w(user_id, since)
      JOIN conversation_participants me ON me.user_id = w.user_id
      JOIN conversation_participants o
        ON o.conversation_id = me.conversation_id AND o.user_id <> me.user_id
      JOIN users u ON u.id = o.user_id
     CROSS JOIN LATERAL (
       SELECT count(*) AS unread, max(c.seq) AS last_seq
         FROM chat_messages c
        WHERE c.conversation_id = me.conversation_id AND c.seq > me.last_read_seq
          AND c.sender_id IS DISTINCT FROM me.user_id AND c.deleted_at IS NULL
     ) x
      JOIN chat_messages m ON m.conversation_id = me.conversation_id AND m.seq = x.last_seq
     WHERE x.unread > 0 AND m.created_at > w.since
     ORDER BY w.user_id, m.created_at DESC, me.conversation_id`.execute(trx);
  for (const r of rows) {
    if (!out.has(r.user_id)) out.set(r.user_id, []);
    out.get(r.user_id)!.push({
      conversationId: r.conversation_id,
      with: r.other_name,
      unread: Number(r.unread),
      excerpt: snippet(r.latest_md, 140),
      url: `/messages/${r.conversation_id}`,
    });
  }
  return out;
}

/**
 * The period's top threads in the tags each person follows: created after `since`, visible,
 * not their own, and not already in another section of their digest (`exclude`), in the
 * forum's TOP order (server/threads/queries.ts `topOrder`), at most TAG_THREADS_PER_DIGEST.
 */
export async function topTagThreadsOf(
  trx: Transaction<DB>,
  windows: (Window & { exclude: string[] })[],
): Promise<Map<string, TagThread[]>> {
  const out = new Map<string, TagThread[]>();
  if (windows.length === 0) return out;
  const values = sql.join(
    windows.map((w) => sql`(${w.userId}::uuid, ${w.since}::timestamptz, ${w.exclude}::uuid[])`),
  );
  const { rows } = await sql<{
    user_id: string;
    followed: string[];
    id: string;
    title: string;
    tags: string[];
    points: number;
    reply_count: number;
  }>`
    SELECT w.user_id, fl.tags AS followed, top.id, top.title, top.tags, top.points, top.reply_count
      FROM (VALUES ${values}) AS w(user_id, since, exclude)
      JOIN LATERAL (SELECT array_agg(f.tag) AS tags FROM tag_follows f WHERE f.user_id = w.user_id) fl
        ON fl.tags IS NOT NULL
     CROSS JOIN LATERAL (
       SELECT t.id, t.title, t.tags, t.points, t.reply_count,
              row_number() OVER (ORDER BY ${topOrder}) AS rank
         FROM threads t
        WHERE t.tags && fl.tags AND t.created_at > w.since
          AND t.deleted_at IS NULL AND t.hidden_at IS NULL
          AND t.author_id IS DISTINCT FROM w.user_id
          AND t.id <> ALL (w.exclude)
        ORDER BY ${topOrder}
        LIMIT ${TAG_THREADS_PER_DIGEST}
     ) top
     ORDER BY w.user_id, top.rank`.execute(trx);
  for (const r of rows) {
    if (!out.has(r.user_id)) out.set(r.user_id, []);
    out.get(r.user_id)!.push({
      threadId: r.id,
      title: r.title,
      url: `/q/${r.id}`,
      // The tags that brought it here, in the thread's own order.
      tags: r.tags.filter((t) => r.followed.includes(t)),
      points: r.points,
      replies: r.reply_count,
    });
  }
  return out;
}
