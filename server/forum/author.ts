import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Config } from '../config';
import type { DB } from '../db/types';
import type { Viewer } from '../auth/viewer';
import { AppError, forbidden, unauthorized } from '../http/errors';

export type Trx = Transaction<DB>;

export interface Author {
  id: string;
  role: string;
  karma: number;
  createdAt: Date;
  isNew: boolean;
}

type Limits = Pick<
  Config,
  'FORUM_NEW_ACCOUNT_HOURS' | 'FORUM_POSTS_PER_HOUR' | 'FORUM_POSTS_PER_HOUR_NEW'
>;

/**
 * Serializes one member's writes (posting, voting) with a transaction-scoped advisory lock,
 * so "count then insert" checks — rate limits, the vote cap, duplicate bodies — cannot be
 * raced by parallel requests. An advisory lock, not a row lock on users: votes update other
 * members' karma rows, and row locks there could deadlock two people voting for each other.
 * Then re-reads the member: suspended or deleted accounts cannot write.
 */
export async function lockAuthor(trx: Trx, viewer: Viewer, config: Limits): Promise<Author> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${'forum-writer:' + viewer.id}, 0))`.execute(
    trx,
  );
  const user = await trx
    .selectFrom('users')
    .select(['id', 'role', 'karma', 'created_at', 'suspended_until', 'deleted_at'])
    .where('id', '=', viewer.id)
    .executeTakeFirst();
  if (!user || user.deleted_at) throw unauthorized('Your account no longer exists');
  if (user.suspended_until && user.suspended_until > new Date())
    throw forbidden(
      `Your account is suspended until ${user.suspended_until.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );
  const ageMs = Date.now() - user.created_at.getTime();
  return {
    id: user.id,
    role: user.role,
    karma: user.karma,
    createdAt: user.created_at,
    isNew: ageMs < config.FORUM_NEW_ACCOUNT_HOURS * 3_600_000,
  };
}

/** Threads + replies in the last hour; 429 with a Retry-After when over the member's limit. */
export async function checkPostRate(trx: Trx, author: Author, config: Limits): Promise<void> {
  const limit = author.isNew ? config.FORUM_POSTS_PER_HOUR_NEW : config.FORUM_POSTS_PER_HOUR;
  const { rows } = await sql<{ n: number; oldest: Date | null }>`
    SELECT count(*)::int AS n, min(created_at) AS oldest FROM (
      SELECT created_at FROM threads
       WHERE author_id = ${author.id} AND created_at > now() - interval '1 hour'
      UNION ALL
      SELECT created_at FROM replies
       WHERE author_id = ${author.id} AND created_at > now() - interval '1 hour'
    ) recent`.execute(trx);
  const { n, oldest } = rows[0]!;
  if (n < limit) return;
  const retryAfter = Math.max(
    1,
    Math.ceil(((oldest?.getTime() ?? Date.now()) + 3_600_000 - Date.now()) / 1000),
  );
  const minutes = Math.ceil(retryAfter / 60);
  throw new AppError(
    'rate_limited',
    author.isNew
      ? `New accounts can post ${limit} times per hour during their first day. Please try again in ${minutes} min.`
      : `You can post ${limit} times per hour. Please try again in ${minutes} min.`,
    undefined,
    { retryAfter },
  );
}

/** Posting counts as being around (profiles sort mentors by it). */
export async function touchLastActive(trx: Trx, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ last_active_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
