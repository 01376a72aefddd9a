import { sql } from 'kysely';
import type { Db } from '../db';
import type { Counter } from '../ratelimit/failures';

const viewerColumns = [
  'id',
  'handle',
  'display_name',
  'role',
  'created_at',
  'email_verified_at',
] as const;

const loginColumns = [
  ...viewerColumns,
  'password_hash',
  'suspended_until',
  'suspended_reason',
] as const;
type LoginRow = NonNullable<Awaited<ReturnType<typeof findUserByLogin>>>;

/** Passport's per-request lookup: one indexed read; deleted and suspended accounts are nobody. */
export function findViewerById(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(viewerColumns)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('suspended_until', 'is', null), eb('suspended_until', '<=', sql<Date>`now()`)]),
    )
    .executeTakeFirst();
}

/**
 * A sign-in login as the rate limits count it and as the lookup reads it: trimmed, lower-cased,
 * a leading @ dropped ("@Maya" is the handle maya; no email starts with @). Everything that
 * resolves to one account normalises to its handle or its email, so typing variants of a login
 * never buys a stranger a fresh budget against it.
 */
export function normaliseLogin(login: string): string {
  const l = login.trim().toLowerCase();
  return l.startsWith('@') ? l.slice(1) : l;
}

/** Sign-in accepts the email or the handle (with or without @), both case-insensitively. */
export function findUserByLogin(db: Db, login: string) {
  const l = normaliseLogin(login);
  return db
    .selectFrom('users')
    .select(loginColumns)
    .where((eb) => eb.or([eb(sql`lower(email)`, '=', l), eb(sql`lower(handle)`, '=', l)]))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * findUserByLogin and the failure counters of `keys` in one round trip (the sign-in reads
 * both before the password check; on this VM a round trip is most of what a query costs).
 * No account: the row's user columns are null.
 */
export async function findUserByLoginWithCounters(db: Db, login: string, keys: string[]) {
  const l = normaliseLogin(login);
  const { rows } = await sql<LoginRow & { id: string | null; counters: Counter[] }>`
    SELECT u.*, c.counters
      FROM (SELECT coalesce(json_agg(json_build_object('key', key, 'hits', hits,
                                                      'reset_at', reset_at)), '[]'::json) AS counters
              FROM rate_limits WHERE key = ANY(${keys}::text[]) AND reset_at > now()) c
      LEFT JOIN LATERAL (
        SELECT ${sql.join(loginColumns.map((c) => sql.ref(c)))} FROM users
         WHERE (lower(email) = ${l} OR lower(handle) = ${l}) AND deleted_at IS NULL
         LIMIT 1) u ON true`.execute(db);
  const row = rows[0]!;
  const { counters, ...user } = row;
  return { user: user.id ? (user as LoginRow) : undefined, counters };
}

export function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'email', 'email_verified_at', 'deleted_at'])
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function handleTaken(db: Db, handle: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(handle)`, '=', handle.toLowerCase())
    .executeTakeFirst();
  return !!row;
}

export function setPasswordHash(db: Db, userId: string, hash: string) {
  return db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
}

/** Every session of a user except (optionally) one: password change, reset, deletion. */
export async function endSessionsOf(db: Db, userId: string, exceptSid?: string): Promise<number> {
  const res = await db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .$if(!!exceptSid, (q) => q.where('sid', '<>', exceptSid!))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
