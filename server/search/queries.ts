import { sql } from 'kysely';
import type { Db } from '../db';

export interface SearchFilters {
  q: string;
  tag?: string;
  authorId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  limit: number;
  after?: readonly [number, string];
}

/** Marks around matches in ts_headline output; control characters no post can show. */
export const START = '\u0001';
export const STOP = '\u0002';
const headlineOpts = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const titleOpts = `StartSel=${START}, StopSel=${STOP}, HighlightAll=true`;

/**
 * Threads (title A, tags B, body C) and replies (D) matched by one websearch query, ranked
 * together by ts_rank (weights make a title match count 10× a reply match), keyset-paged
 * on (rank, id). Headlines are computed for the page's rows only — ts_headline re-parses
 * the document, so it must never run over every match.
 */
export async function searchPosts(db: Db, f: SearchFilters) {
  const filters = (alias: 't' | 'r') =>
    sql.join(
      [
        sql`TRUE`,
        f.tag ? sql`t.tags @> ARRAY[${f.tag}]::text[]` : sql`TRUE`,
        f.authorId ? sql`${sql.ref(`${alias}.author_id`)} = ${f.authorId}::uuid` : sql`TRUE`,
        f.from ? sql`${sql.ref(`${alias}.created_at`)} >= ${f.from}::timestamptz` : sql`TRUE`,
        f.to ? sql`${sql.ref(`${alias}.created_at`)} < ${f.to}::timestamptz` : sql`TRUE`,
      ],
      sql` AND `,
    );
  const after = f.after
    ? sql`WHERE (h.rank, h.id) < (${f.after[0]}::real, ${f.after[1]}::uuid)`
    : sql``;
  const { rows } = await sql<{
    kind: 'thread' | 'reply';
    id: string;
    thread_id: string;
    rank: number;
    thread_title: string;
    title_hl: string | null;
    snippet: string;
    tags: string[];
    points: number;
    created_at: Date;
    author_id: string | null;
    author_handle: string | null;
    author_display_name: string | null;
    author_deleted_at: Date | null;
    author_imported: boolean | null;
  }>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${f.q}) AS q),
    hits AS (
      SELECT 'thread' AS kind, t.id, t.id AS thread_id, ts_rank(t.search_vector, q.q) AS rank
        FROM threads t, q
       WHERE t.search_vector @@ q.q AND t.deleted_at IS NULL AND t.hidden_at IS NULL
         AND ${filters('t')}
      UNION ALL
      SELECT 'reply', r.id, r.thread_id, ts_rank(r.search_vector, q.q)
        FROM replies r JOIN threads t ON t.id = r.thread_id, q
       WHERE r.search_vector @@ q.q AND r.deleted_at IS NULL AND r.hidden_at IS NULL
         AND t.deleted_at IS NULL AND t.hidden_at IS NULL
         AND ${filters('r')}
    ),
    page AS (
      SELECT * FROM hits h ${after} ORDER BY h.rank DESC, h.id DESC LIMIT ${f.limit}
    )
    SELECT p.kind, p.id, p.thread_id, p.rank, t.title AS thread_title,
           CASE WHEN p.kind = 'thread' THEN ts_headline('english', t.title, q.q, ${titleOpts}) END AS title_hl,
           ts_headline('english', CASE WHEN p.kind = 'thread' THEN t.body_md ELSE r.body_md END, q.q, ${headlineOpts}) AS snippet,
           t.tags, coalesce(r.points, t.points) AS points, coalesce(r.created_at, t.created_at) AS created_at,
           u.id AS author_id, u.handle AS author_handle, u.display_name AS author_display_name,
           u.deleted_at AS author_deleted_at, u.imported AS author_imported
      FROM page p CROSS JOIN q
      JOIN threads t ON t.id = p.thread_id
      LEFT JOIN replies r ON p.kind = 'reply' AND r.id = p.id
      LEFT JOIN users u ON u.id = coalesce(r.author_id, t.author_id)
     ORDER BY p.rank DESC, p.id DESC`.execute(db);
  return rows;
}
export type SearchRow = Awaited<ReturnType<typeof searchPosts>>[number];

/** Why a query matched nothing: websearch_to_tsquery drops stop words and punctuation. */
export async function queryIsEmpty(db: Db, q: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    SELECT numnode(websearch_to_tsquery('english', ${q})) AS n`.execute(db);
  return rows[0]!.n === 0;
}

/** LIKE's own wildcards in user input match literally. */
function escapeLike(q: string) {
  return q.replace(/[\\%_]/g, (c) => '\\' + c);
}

function likePattern(q: string) {
  return '%' + escapeLike(q) + '%';
}

/** Tags as you type: prefix and substring matches first, then trigram similarity. */
export function suggestTags(db: Db, q: string, limit = 10) {
  const query = db.selectFrom('tags').select(['slug', 'thread_count', 'starter']);
  if (!q)
    return query
      .orderBy('starter', 'desc')
      .orderBy('thread_count', 'desc')
      .orderBy('slug')
      .limit(limit)
      .execute();
  return query
    .where(sql<boolean>`(slug LIKE ${likePattern(q)} OR slug % ${q})`)
    .orderBy(sql`slug LIKE ${escapeLike(q) + '%'}`, 'desc')
    .orderBy(sql`similarity(slug, ${q})`, 'desc')
    .orderBy('thread_count', 'desc')
    .limit(limit)
    .execute();
}

/** Handles and names as you type (for @mentions and the author filter). */
export function suggestHandles(db: Db, q: string, limit = 8) {
  const lower = q.toLowerCase().replace(/^@/, '');
  return db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name'])
    .where('deleted_at', 'is', null)
    .where(
      sql<boolean>`(lower(handle) LIKE ${likePattern(lower)} OR lower(display_name) LIKE ${likePattern(lower)}
        OR lower(handle) % ${lower})`,
    )
    .orderBy(sql`lower(handle) LIKE ${escapeLike(lower) + '%'}`, 'desc')
    .orderBy(
      sql`greatest(similarity(lower(handle), ${lower}), similarity(lower(display_name), ${lower}))`,
      'desc',
    )
    .orderBy('handle')
    .limit(limit)
    .execute();
}
