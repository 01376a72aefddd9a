import { sql } from 'kysely';
import type { Db } from '../db';
import type { Trx } from '../forum/author';
import { AppError, notFound } from '../http/errors';

/** What one participant may do in one conversation, read fresh from the database. */
export interface ChatAccess {
  conversationId: string;
  userId: string;
  otherId: string;
  myLastReadSeq: number;
  otherLastReadSeq: number;
  otherLastSeenAt: Date | null;
  ended: { at: Date; by: string | null } | null;
  /** null: may send; otherwise why not, in words a person understands. */
  cannotSend: string | null;
}

/**
 * The one access check of the chat, used by every HTTP route and every socket event: only
 * the conversation's two participants get past it, anyone else (and a malformed id) gets
 * 404 — the same answer as for a conversation that does not exist, so nothing leaks. A
 * suspension, a deleted account or an ended mentorship counts at once.
 */
export async function chatAccess(
  db: Db | Trx,
  conversationId: string,
  userId: string | null,
): Promise<ChatAccess> {
  if (!userId || !/^[0-9a-f-]{36}$/i.test(conversationId)) throw notFound('That conversation');
  const { rows } = await sql<{
    my_last_read_seq: string;
    other_id: string;
    other_last_read_seq: string;
    other_last_seen_at: Date | null;
    suspended_until: Date | null;
    user_deleted_at: Date | null;
    status: string | null;
    ended_at: Date | null;
    ended_by_name: string | null;
  }>`
    SELECT me.last_read_seq AS my_last_read_seq, o.user_id AS other_id,
           o.last_read_seq AS other_last_read_seq, o.last_seen_at AS other_last_seen_at,
           u.suspended_until, u.deleted_at AS user_deleted_at,
           m.status, m.ended_at, m.ended_by_name
      FROM conversation_participants me
      JOIN conversation_participants o
        ON o.conversation_id = me.conversation_id AND o.user_id <> me.user_id
      JOIN users u ON u.id = me.user_id
      LEFT JOIN LATERAL (
        SELECT ms.status, ms.ended_at, eu.display_name AS ended_by_name
          FROM mentorships ms LEFT JOIN users eu ON eu.id = ms.ended_by
         WHERE ms.conversation_id = me.conversation_id
         ORDER BY (ms.status = 'active') DESC, ms.started_at DESC LIMIT 1
      ) m ON true
     WHERE me.conversation_id = ${conversationId}::uuid AND me.user_id = ${userId}::uuid`.execute(
    db,
  );
  const r = rows[0];
  if (!r || r.user_deleted_at) throw notFound('That conversation');
  const ended =
    r.status === 'active' ? null : { at: r.ended_at ?? new Date(0), by: r.ended_by_name };
  const suspended = !!r.suspended_until && r.suspended_until > new Date();
  return {
    conversationId,
    userId,
    otherId: r.other_id,
    myLastReadSeq: Number(r.my_last_read_seq),
    otherLastReadSeq: Number(r.other_last_read_seq),
    otherLastSeenAt: r.other_last_seen_at,
    ended,
    cannotSend: suspended
      ? 'Suspended members cannot send messages'
      : ended
        ? 'This mentorship has ended; the conversation is read-only'
        : null,
  };
}

/**
 * A conversation's two participants, cached in this process. Safe to cache without any
 * invalidation: they are written once, with the conversation (mentorships'
 * ensurePairConversation), and never change; what does change — an account deleted, a
 * suspension, the mentorship ended, the conversation gone — is read fresh by every check
 * (chatAccess, and the send statement itself). Only hits are kept, and a bounded number.
 */
const participantsCache = new Map<string, readonly string[]>();
const PARTICIPANTS_CACHED = 20_000;

export async function participantsOf(
  db: Db | Trx,
  conversationId: string,
): Promise<readonly string[] | null> {
  const hit = participantsCache.get(conversationId);
  if (hit) return hit;
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) return null;
  const rows = await db
    .selectFrom('conversation_participants')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .execute();
  if (rows.length !== 2) return null;
  const ids = rows.map((r) => r.user_id);
  if (participantsCache.size >= PARTICIPANTS_CACHED)
    participantsCache.delete(participantsCache.keys().next().value!);
  participantsCache.set(conversationId, ids);
  return ids;
}

export function assertCanSend(access: ChatAccess): void {
  if (access.cannotSend) throw new AppError('forbidden', access.cannotSend);
}
