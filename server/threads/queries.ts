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
 * (see ranking.ts for why that window is exact), lift new unanswered questions to the
 * new-question floor, then page through them by (score, created_at, id).
 */
export function listHot(
  db: Db,
  opts: ListOpts & {
    candidates: number;
    asOf: Date;
    /** The new-question floor (ranking.ts); absent or hours 0 = pure gravity. */
    floor?: { hours: number; position: number };
    after?: readonly [number, string, string];
  },
) {
  const scored = (q: TB) =>
    q
      .select([
        't.id',
        't.created_at',
        't.reply_count',
        't.helpful_count',
        sql<number>`forum_hot_score(t.points, t.created_at, ${opts.asOf}::timestamptz)`.as('score'),
      ])
      .where(visible)
      .$if(!!opts.tag, (q) => q.where(sql<boolean>`t.tags @> ARRAY[${opts.tag!}]::text[]`));
  // 1. The window, straight from threads_hot_idx (it INCLUDEs points and tags).
  const byStoredScore = scored(db.selectFrom('threads as t') as TB)
    .orderBy('t.hot_score', 'desc')
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(opts.candidates);
  const floorHours = opts.floor?.hours ?? 0;
  const freshSince = new Date(opts.asOf.getTime() - floorHours * 3_600_000);
  // 1b. Every question still inside the floor's hours and unanswered (threads_unanswered_idx):
  // they score about 0, so they are rarely in the window above. A few hours of questions.
  const fresh = scored(db.selectFrom('threads as t') as TB)
    .where('t.reply_count', '=', 0)
    .where('t.helpful_count', '=', 0)
    .where('t.created_at', '>', freshSince);
  const isFresh = sql<boolean>`(w.reply_count = 0 AND w.helpful_count = 0 AND w.created_at > ${freshSince}::timestamptz)`;
  // 2. The floor: the score of the thread at `position` among all the others (or the
  // lowest of them when there are fewer), so a lifted question lands just around there and
  // nobody else's score, hence nobody else's order, changes.
  const floor = sql<number>`coalesce(
      (SELECT w.score FROM w WHERE NOT ${isFresh}
        ORDER BY w.score DESC, w.created_at DESC, w.id DESC
        OFFSET ${(opts.floor?.position ?? 1) - 1} LIMIT 1),
      (SELECT min(w.score) FROM w WHERE NOT ${isFresh}),
      0)`;
  const withFloor = db
    .with('w', () =>
      floorHours > 0
        ? db
            .selectFrom(byStoredScore.as('s'))
            .selectAll()
            .union(db.selectFrom(fresh.as('f')).selectAll())
        : db.selectFrom(byStoredScore.as('s')).selectAll(),
    )
    .selectFrom('w')
    .select([
      'w.id',
      'w.created_at',
      (floorHours > 0
        ? sql<number>`CASE WHEN ${isFresh} THEN greatest(w.score, ${floor}) ELSE w.score END`
        : sql<number>`w.score`
      ).as('score'),
    ]);
  // 3. Paged as of one moment; 4. only the page's rows are read in full.
  const page = db
    .selectFrom(withFloor.as('b'))
    .selectAll()
    .$if(!!opts.after, (q) =>
      q.where(
        sql<boolean>`(b.score, b.created_at, b.id) < (${opts.after![0]}::float8, ${opts.after![1]}::timestamptz, ${opts.after![2]}::uuid)`,
      ),
    )
    .orderBy('b.score', 'desc')
    .orderBy('b.created_at', 'desc')
    .orderBy('b.id', 'desc')
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
