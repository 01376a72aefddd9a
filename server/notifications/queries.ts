import { sql } from 'kysely';
import type { Db } from '../db';

export interface NewNotification {
  userId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Same key for the same user = the same notification; a retry inserts nothing. */
  dedupeKey?: string;
  createdAt?: Date;
}

/** Inserts notifications; returns how many were new (duplicates by dedupe key are skipped). */
export async function insertNotifications(db: Db, items: NewNotification[]): Promise<number>;
/** …or the new rows themselves. */
export async function insertNotifications(
  db: Db,
  items: NewNotification[],
  opts: { returning: true },
): Promise<{ id: string; user_id: string; kind: string }[]>;
export async function insertNotifications(
  db: Db,
  items: NewNotification[],
  opts?: { returning: true },
): Promise<number | { id: string; user_id: string; kind: string }[]> {
  if (items.length === 0) return opts ? [] : 0;
  const rows = await db
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        payload: JSON.stringify(n.payload),
        dedupe_key: n.dedupeKey ?? null,
        ...(n.createdAt ? { created_at: n.createdAt } : {}),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
    )
    .returning(['id', 'user_id', 'kind'])
    .execute();
  return opts ? rows : rows.length;
}

/** Newest first, keyset on id (ids only grow). */
export function listNotifications(
  db: Db,
  userId: string,
  opts: { limit: number; before?: number; unreadOnly?: boolean },
) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'read_at', 'created_at'])
    .where('user_id', '=', userId)
    .$if(opts.before !== undefined, (q) => q.where('id', '<', String(opts.before)))
    .$if(!!opts.unreadOnly, (q) => q.where('read_at', 'is', null))
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .execute();
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function markRead(
  db: Db,
  userId: string,
  which: { ids: string[] } | { all: true },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if('ids' in which, (q) => q.where('id', 'in', (which as { ids: string[] }).ids))
    .execute();
}
