import { sql } from 'kysely';
import type { Db } from '../db';

/**
 * What the sitemap and the feeds read. "Public" is what a visitor can open: threads neither
 * deleted nor hidden by a moderator (the lists' own rule, server/threads/queries.ts) and
 * accounts neither deleted (410) nor suspended right now (not advertised while suspended).
 * Sitemap pages go oldest first, so a page keeps its URLs as new threads arrive at the end.
 */
const publicThreads = (db: Db) =>
  db.selectFrom('threads as t').where('t.deleted_at', 'is', null).where('t.hidden_at', 'is', null);

const publicUsers = (db: Db) =>
  db
    .selectFrom('users as u')
    .where('u.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('u.suspended_until', 'is', null), eb('u.suspended_until', '<=', sql<Date>`now()`)]),
    );

/** Per sitemap page of `size` threads: its number (from 1) and its newest activity. */
export async function threadPages(db: Db, size: number) {
  const rows = await sql<{ page: number; lastmod: Date }>`
    SELECT (n - 1) / ${size} + 1 AS page, max(last_activity_at) AS lastmod
    FROM (SELECT row_number() OVER (ORDER BY created_at, id) AS n, last_activity_at
          FROM threads WHERE deleted_at IS NULL AND hidden_at IS NULL) s
    GROUP BY 1 ORDER BY 1`.execute(db);
  return rows.rows.map((r) => ({ page: Number(r.page), lastmod: r.lastmod }));
}

export async function profileCount(db: Db): Promise<number> {
  const r = await publicUsers(db)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function threadPage(db: Db, page: number, size: number) {
  return publicThreads(db)
    .select(['t.id', 't.last_activity_at'])
    .orderBy('t.created_at')
    .orderBy('t.id')
    .offset((page - 1) * size)
    .limit(size)
    .execute();
}

export function profilePage(db: Db, page: number, size: number) {
  return publicUsers(db)
    .select(['u.handle'])
    .orderBy('u.created_at')
    .orderBy('u.id')
    .offset((page - 1) * size)
    .limit(size)
    .execute();
}

/** The stored (sanitized) HTML of the listed questions, for the feeds' entry content. */
export async function questionBodies(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { html: string; editedAt: Date | null }>();
  const rows = await publicThreads(db)
    .select(['t.id', 't.body_html', 't.edited_at'])
    .where('t.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { html: r.body_html, editedAt: r.edited_at }]));
}
