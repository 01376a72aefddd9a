import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { hashPassword, verifyPassword } from '../auth/password';
import { endSessionsOf, setPasswordHash } from '../auth/queries';
import { invalid } from '../http/errors';
import { erased, exported, existing } from './registry';

export async function loadAccount(db: Db, userId: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'handle',
      'display_name',
      'email',
      'bio',
      'role',
      'created_at',
      'email_verified_at',
      'password_hash',
    ])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
}

/** Wrong current password is a 400 on that field; the caller rate-limits failures. */
export async function checkCurrentPassword(
  db: Db,
  userId: string,
  password: string,
  field: string,
): Promise<void> {
  const user = await loadAccount(db, userId);
  if (!user.password_hash || !(await verifyPassword(user.password_hash, password)))
    throw invalid(field, 'is not your current password');
}

export async function changePassword(
  ctx: AppContext,
  userId: string,
  current: string,
  next: string,
  currentSid: string,
): Promise<void> {
  await checkCurrentPassword(ctx.db, userId, current, 'currentPassword');
  const hash = await hashPassword(next, ctx.config);
  await setPasswordHash(ctx.db, userId, hash);
  await endSessionsOf(ctx.db, userId, currentSid);
}

/** Everything the person wrote or set, as JSON-ready data. */
export async function exportData(db: Db, userId: string): Promise<Record<string, unknown>> {
  const user = await loadAccount(db, userId);
  const out: Record<string, unknown> = {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      handle: user.handle,
      displayName: user.display_name,
      email: user.email,
      bio: user.bio,
      role: user.role,
      createdAt: user.created_at,
      emailVerifiedAt: user.email_verified_at,
    },
  };
  for (const t of await existing(db, exported)) {
    const rows = (await db
      .selectFrom(sql.table(t.table).as('t'))
      .selectAll()
      .where(sql.ref(`t.${t.column}`), '=', userId)
      .$if(!!t.orderBy, (q) => q.orderBy(sql.ref(`t.${t.orderBy}`)))
      .execute()) as Record<string, unknown>[];
    out[t.name] = rows.map((r) => {
      const copy = { ...r };
      for (const k of t.omit ?? []) delete copy[k];
      return copy;
    });
  }
  return out;
}

/**
 * Removes the person: personal data gone, every session ended, tokens voided. Their posts stay
 * and render as "[deleted]" (the presenters look at deleted_at). The handle is freed too.
 */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
  const tables = await existing(db, erased);
  await db.transaction().execute(async (trx) => {
    for (const t of tables)
      await trx
        .deleteFrom(sql.table(t.table).as('t'))
        .where(sql.ref(`t.${t.column}`), '=', userId)
        .execute();
    await trx
      .updateTable('users')
      .set({
        handle: sql`'deleted-' || replace(id::text, '-', '')`,
        display_name: '[deleted]',
        email: null,
        password_hash: null,
        bio: '',
        email_verified_at: null,
        deleted_at: sql`now()`,
      })
      .where('id', '=', userId)
      .execute();
  });
}
