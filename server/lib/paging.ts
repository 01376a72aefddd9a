import { sql, type SelectQueryBuilder } from 'kysely';
import type { Page } from '../../shared/api/threads';
import { decodeCursor, encodeCursor } from '../lib/cursor';

type After = readonly [string, string];

/** Microsecond-precise sort key for keyset cursors (a JS Date keeps only milliseconds). */
export const microKey = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The (time, id) a keyset cursor carries; a forged one is a 400 here, not a SQL error later. */
export function afterKey(cursor: string | undefined): After | undefined {
  return decodeCursor(cursor, ['time', 'uuid']);
}

/**
 * Newest first, resuming after the cursor. One place for the order and the cursor condition,
 * because they must name the same two columns or pages skip or repeat rows.
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  time: string,
  id: string,
  opts: { limit: number; after?: After },
): SelectQueryBuilder<DB, TB, O> {
  const after = opts.after;
  const resumed = after
    ? qb.where(
        sql<boolean>`(${sql.ref(time)}, ${sql.ref(id)}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
      )
    : qb;
  return resumed.orderBy(sql.ref(time), 'desc').orderBy(sql.ref(id), 'desc').limit(opts.limit);
}

/** Rows were fetched with limit + 1: the extra one only says that another page follows. */
export function pageOf<R extends { id: string }, T>(
  rows: R[],
  limit: number,
  keyOf: (r: R) => string,
  present: (r: R) => T,
): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor([keyOf(last), last.id]) : null,
  };
}
