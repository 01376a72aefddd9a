import { sql } from 'kysely';
import type { SessionListItem } from '../../shared/api/auth';
import type { SessionMeta } from '../auth/session';
import type { Db } from '../db';

/** A person's live sessions; the sid (the secret) never leaves, each has a public id. */
export async function listSessions(
  db: Db,
  userId: string,
  currentSid: string,
): Promise<SessionListItem[]> {
  const rows = await db
    .selectFrom('session')
    .select(['sid', 'sess'])
    .where('user_id', '=', userId)
    .where('expire', '>', sql<Date>`now()`)
    .execute();
  return rows
    .map((r) => {
      const meta = (r.sess as { meta?: SessionMeta }).meta;
      return {
        id: meta?.id ?? '',
        current: r.sid === currentSid,
        createdAt: new Date(meta?.createdAt ?? 0).toISOString(),
        lastSeenAt: new Date(meta?.lastSeenAt ?? 0).toISOString(),
        userAgent: meta?.userAgent ?? '',
        ip: meta?.ip ?? '',
      };
    })
    .filter((s) => s.id)
    .sort((a, b) => (a.current ? -1 : b.current ? 1 : b.lastSeenAt.localeCompare(a.lastSeenAt)));
}

export async function endSession(db: Db, userId: string, publicId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .where(sql<string>`sess -> 'meta' ->> 'id'`, '=', publicId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
