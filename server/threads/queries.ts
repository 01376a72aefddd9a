import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db';
import type { DB } from '../db/types';

/**
 * Thread list queries. Every list is keyset-paginated (never OFFSET) on a tuple that ends
 * in the id, so pages neither repeat nor skip rows when new threads arrive. Timestamps go
 * into cursors as Postgres text (`created_key`), which keeps their microseconds exactly.
 */
type TB = SelectQueryBuilder<DB & { t: DB['threads'] }, 't', object>;

const visible = (eb: ExpressionBuilder<DB & { t: DB['threads'] }, 't'>) =>
  eb.and([eb('t.deleted_at', 'is', null), eb('t.hidden_at', 'is', null)]);

function summaryColumns<Q extends TB>(q: Q) {
  return q.leftJoin('users as u', 'u.id', 't.author_id').select([
    't.id',
    't.title',
    // The excerpt needs the first few hundred characters, never a 40 KB body per row.
    sql<string>`left(t.body_md, 600)`.as('body_start'),
    't.tags',
    't.points',
    't.reply_count',
    't.helpful_count',
    't.locked_at',
    't.created_at',
    sql<string>`t.created_at::text`.as('created_key'),
    't.last_activity_at',
    'u.id as author_id',
    'u.handle as author_handle',
    'u.display_name as author_display_name',
    'u.deleted_at as author_deleted_at',
    'u.imported as author_imported',
  ]);
}

export type ThreadListRow = Awaited<ReturnType<typeof listNew>>[number];

interface ListOpts {
  limit: number;
  tag?: string;
}

export function listNew(db: Db, opts: ListOpts & { after?: readonly [string, string] }) {
  return summaryColumns(db.selectFrom('threads as t') as TB)
    .where(visible)
    .$if(!!opts.tag, (q) => q.where(sql<boolean>`t.tags @> ARRAY[${opts.tag!}]::text[]`))
    .$if(!!opts.after, (q) =>
      q.where(
        sql<boolean>`(t.created_at, t.id) < (${opts.after![0]}::timestamptz, ${opts.after![1]}::uuid)`,
      ),
    )
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(opts.limit)
    .execute();
}

/**
 * Hot: re-score the `candidates` threads with the highest stored hot_score as of `asOf`
 * (see ranking.ts for why that window is exact), then page through them by
 * (score, created_at, id).
 */
export function listHot(
  db: Db,
  opts: ListOpts & {
    candidates: number;
    asOf: Date;
    after?: readonly [number, string, string];
  },
) {
  // 1. The window, straight from threads_hot_idx (it INCLUDEs points and tags).
  const window = db
    .selectFrom('threads as t')
    .select([
      't.id',
      't.created_at',
      sql<number>`forum_hot_score(t.points, t.created_at, ${opts.asOf}::timestamptz)`.as('score'),
    ])
    .where(visible)
    .$if(!!opts.tag, (q) => q.where(sql<boolean>`t.tags @> ARRAY[${opts.tag!}]::text[]`))
    .orderBy('t.hot_score', 'desc')
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(opts.candidates);
  // 2. Re-scored as of one moment and paged; 3. only the page's rows are read in full.
  const page = db
    .selectFrom(window.as('w'))
    .selectAll()
    .$if(!!opts.after, (q) =>
      q.where(
        sql<boolean>`(w.score, w.created_at, w.id) < (${opts.after![0]}::float8, ${opts.after![1]}::timestamptz, ${opts.after![2]}::uuid)`,
      ),
    )
    .orderBy('w.score', 'desc')
    .orderBy('w.created_at', 'desc')
    .orderBy('w.id', 'desc')
    .limit(opts.limit);
  return summaryColumns(
    db.selectFrom(page.as('p')).innerJoin('threads as t', 't.id', 'p.id') as unknown as TB,
  )
    .select(sql<number>`p.score`.as('score'))
    .orderBy(sql`p.score`, 'desc')
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

/**
 * TOP: most points first, then the newest, then the id (unique, so the order is total). The
 * one definition for sort=top and the digest's "top threads in tags you follow"
 * (server/digests/sections.ts); over the alias `t` for threads.
 */
export const topOrder = sql`t.points DESC, t.created_at DESC, t.id DESC`;

export function listTop(
  db: Db,
  opts: ListOpts & { since: Date | null; after?: readonly [number, string, string] },
) {
  return summaryColumns(db.selectFrom('threads as t') as TB)
    .where(visible)
    .$if(!!opts.since, (q) => q.where('t.created_at', '>=', opts.since!))
    .$if(!!opts.tag, (q) => q.where(sql<boolean>`t.tags @> ARRAY[${opts.tag!}]::text[]`))
    .$if(!!opts.after, (q) =>
      q.where(
        sql<boolean>`(t.points, t.created_at, t.id) < (${opts.after![0]}::int, ${opts.after![1]}::timestamptz, ${opts.after![2]}::uuid)`,
      ),
    )
    .orderBy(topOrder)
    .limit(opts.limit)
    .execute();
}

/** No reply at all and none marked helpful, oldest first, within the window. */
export function listUnanswered(
  db: Db,
  opts: ListOpts & { since: Date; after?: readonly [string, string] },
) {
  return summaryColumns(db.selectFrom('threads as t') as TB)
    .where(visible)
    .where('t.reply_count', '=', 0)
    .where('t.helpful_count', '=', 0)
    .where('t.created_at', '>=', opts.since)
    .$if(!!opts.tag, (q) => q.where(sql<boolean>`t.tags @> ARRAY[${opts.tag!}]::text[]`))
    .$if(!!opts.after, (q) =>
      q.where(
        sql<boolean>`(t.created_at, t.id) > (${opts.after![0]}::timestamptz, ${opts.after![1]}::uuid)`,
      ),
    )
    .orderBy('t.created_at', 'asc')
    .orderBy('t.id', 'asc')
    .limit(opts.limit)
    .execute();
}

/**
 * Stored scores drift upwards of the truth as time passes (they are computed at the last
 * vote); re-scoring the top of the index now and then keeps the hot window made of threads
 * that can still be on the front page. Cheap: touches at most `limit` rows.
 */
export async function refreshHotScores(db: Db, limit: number): Promise<number> {
  const result = await sql`
    UPDATE threads t SET hot_score = forum_hot_score(t.points, t.created_at, now())
      FROM (SELECT id FROM threads
             WHERE deleted_at IS NULL AND hidden_at IS NULL AND hot_score > 0
             ORDER BY hot_score DESC, created_at DESC, id DESC LIMIT ${limit}) top
     WHERE t.id = top.id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
