import { sql } from 'kysely';
import type { Db } from '../db';
import { forbidden, notFound } from '../http/errors';

export interface ThreadAccess {
  canType: boolean;
}

/**
 * May this socket's user (null: anonymous) follow the thread live? Read fresh from the
 * database on every join — a suspension, a hide or a lock counts at once, whatever the
 * session says. Anonymous readers may follow public threads; a hidden thread only its
 * moderators; a deleted one only while replies keep it on the page.
 */
export async function threadAccess(
  db: Db,
  threadId: string,
  userId: string | null,
): Promise<ThreadAccess> {
  const { rows } = await sql<{
    deleted_at: Date | null;
    hidden_at: Date | null;
    locked_at: Date | null;
    reply_count: number;
    role: string | null;
    suspended_until: Date | null;
    user_deleted_at: Date | null;
    user_found: boolean;
  }>`
    SELECT t.deleted_at, t.hidden_at, t.locked_at, t.reply_count,
           u.role, u.suspended_until, u.deleted_at AS user_deleted_at, u.id IS NOT NULL AS user_found
      FROM threads t
      LEFT JOIN users u ON u.id = ${userId}::uuid
     WHERE t.id = ${threadId}::uuid`.execute(db);
  const t = rows[0];
  if (!t) throw notFound('That thread');
  const member = !!userId && t.user_found && !t.user_deleted_at;
  const moderator = member && (t.role === 'moderator' || t.role === 'admin');
  if (t.deleted_at && t.reply_count === 0 && !moderator) throw notFound('That thread');
  if (t.hidden_at && !moderator) throw forbidden('A moderator hid this thread');
  const suspended = !!t.suspended_until && t.suspended_until > new Date();
  return {
    canType: member && !suspended && !t.locked_at && !t.deleted_at && !t.hidden_at,
  };
}
