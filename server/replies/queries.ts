import { sql } from 'kysely';
import type { Db } from '../db';
import type { Trx } from '../forum/author';

/**
 * The reply tree of a thread in ONE query, depth-first (ORDER BY path), with authors and
 * the viewer's votes joined in. With `around`, only that reply's ancestors (their path is a
 * prefix of its path) and its subtree (its path is a prefix of theirs) — the "continue this
 * thread" and permalink views — still one query.
 */
export function listReplies(db: Db, threadId: string, viewerId: string | null, around?: string) {
  return (
    db
      .selectFrom('replies as r')
      // Authors by index lookup per reply. A plain join lets the planner hash the WHOLE users
      // table for a 300-reply page (its cost model prefers that), which grows with the number
      // of members; OFFSET 0 keeps this subquery from being flattened into that join.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('users')
            // The mentor badge beside a reply ("PM since 2019 · was a backend engineer").
            .leftJoin('mentor_profiles as mp', 'mp.user_id', 'users.id')
            .select([
              'users.id',
              'users.handle',
              'users.display_name',
              'users.deleted_at',
              'users.imported',
              'mp.role_before as mentor_role_before',
              'mp.switch_year as mentor_switch_year',
            ])
            .whereRef('users.id', '=', 'r.author_id')
            .offset(0)
            .as('u'),
        (join) => join.onTrue(),
      )
      .$if(!!viewerId, (q) =>
        q.leftJoin('reply_votes as rv', (j) =>
          j.onRef('rv.reply_id', '=', 'r.id').on('rv.user_id', '=', viewerId!),
        ),
      )
      .select([
        'r.id',
        'r.parent_id',
        'r.path',
        'r.depth',
        'r.body_html',
        'r.points',
        'r.helpful_at',
        'r.created_at',
        'r.edited_at',
        'r.updated_at',
        'r.deleted_at',
        'r.hidden_at',
        'r.revision_count',
        'u.id as author_id',
        'u.handle as author_handle',
        'u.display_name as author_display_name',
        'u.deleted_at as author_deleted_at',
        'u.imported as author_imported',
        'u.mentor_role_before as author_mentor_role_before',
        'u.mentor_switch_year as author_mentor_switch_year',
      ])
      .select(
        viewerId
          ? [
              sql<boolean>`rv.user_id IS NOT NULL`.as('viewer_voted'),
              // Only the author needs the markdown (to edit); everyone else gets HTML only.
              sql<string | null>`CASE WHEN r.author_id = ${viewerId} THEN r.body_md END`.as(
                'body_md',
              ),
            ]
          : [sql<boolean>`false`.as('viewer_voted'), sql<string | null>`NULL`.as('body_md')],
      )
      .where('r.thread_id', '=', threadId)
      .$if(!!around, (q) =>
        q.where(
          sql<boolean>`EXISTS (SELECT 1 FROM replies f WHERE f.id = ${around!} AND f.thread_id = r.thread_id
          AND (r.path LIKE f.path || '%' OR f.path LIKE r.path || '%'))`,
        ),
      )
      .orderBy('r.path')
      .execute()
  );
}
export type ReplyRow = Awaited<ReturnType<typeof listReplies>>[number];

export function lockReply(trx: Trx, id: string) {
  return trx
    .selectFrom('replies')
    .select([
      'id',
      'thread_id',
      'author_id',
      'body_md',
      'body_html',
      'created_at',
      'edited_at',
      'edited_by',
      'deleted_at',
      'hidden_at',
      'helpful_at',
      'revision_count',
      'depth',
      'path',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findRecentDuplicateReply(
  trx: Trx,
  o: { authorId: string; threadId: string; parentId: string | null; bodyMd: string },
) {
  return trx
    .selectFrom('replies')
    .select('id')
    .where('author_id', '=', o.authorId)
    .where('thread_id', '=', o.threadId)
    .where(sql<boolean>`parent_id IS NOT DISTINCT FROM ${o.parentId}::uuid`)
    .where('body_md', '=', o.bodyMd)
    .where('deleted_at', 'is', null)
    .where('created_at', '>', sql<Date>`now() - interval '10 minutes'`)
    .executeTakeFirst();
}

/**
 * Inserts a reply; its path is the parent's path plus its own fixed-width hex number, so
 * sorting by path is depth-first in creation order. 12 hex digits = 2.8e14 replies.
 */
export async function insertReply(
  trx: Trx,
  r: {
    id: string;
    threadId: string;
    parentId: string | null;
    authorId: string | null;
    bodyMd: string;
    bodyHtml: string;
    createdAt?: Date;
    deletedAt?: Date | null;
    hiddenAt?: Date | null;
    points?: number;
  },
) {
  const at = r.createdAt ?? null;
  const { rows } = await sql<{ id: string; depth: number; path: string }>`
    INSERT INTO replies (id, num, thread_id, parent_id, path, depth, author_id, body_md, body_html,
                         points, created_at, updated_at, deleted_at, hidden_at)
    SELECT ${r.id}::uuid, n.num, ${r.threadId}::uuid, ${r.parentId}::uuid,
           coalesce(p.path, '') || lpad(to_hex(n.num), 12, '0'), coalesce(p.depth + 1, 0),
           ${r.authorId}::uuid, ${r.bodyMd}, ${r.bodyHtml}, ${r.points ?? 1},
           coalesce(${at}::timestamptz, now()), coalesce(${at}::timestamptz, now()),
           ${r.deletedAt ?? null}::timestamptz, ${r.hiddenAt ?? null}::timestamptz
      FROM (SELECT nextval('replies_num_seq') AS num) n
      LEFT JOIN replies p ON p.id = ${r.parentId}::uuid
    RETURNING id, depth, path`.execute(trx);
  return rows[0]!;
}
