import { sql } from 'kysely';
import type { Db } from '../db';

/**
 * The moderator queue: open flags grouped by the flagged item, oldest first, with the
 * item, its author, its thread and (for a reply) its parent for context — one query.
 */
export async function listQueue(db: Db, o: { limit: number; after?: readonly [string, string] }) {
  const after = o.after
    ? sql`HAVING (min(created_at), target_id) > (${o.after[0]}::timestamptz, ${o.after[1]}::uuid)`
    : sql``;
  const { rows } = await sql<{
    target_type: 'thread' | 'reply';
    target_id: string;
    first_at: Date;
    first_key: string;
    thread_id: string;
    thread_title: string;
    thread_locked: boolean;
    body_html: string;
    body_md: string;
    created_at: Date;
    hidden: boolean;
    deleted: boolean;
    parent_md: string | null;
    author_id: string | null;
    author_handle: string | null;
    author_display_name: string | null;
    author_deleted_at: Date | null;
    author_imported: boolean | null;
    author_suspended_until: Date | null;
    author_karma: number | null;
    flags: {
      id: string;
      reason: string;
      note: string | null;
      created_at: string;
      reporter_id: string | null;
      reporter_handle: string | null;
      reporter_name: string | null;
    }[];
  }>`
    WITH g AS (
      SELECT target_type, target_id, min(created_at) AS first_at, min(created_at)::text AS first_key
        FROM flags WHERE status = 'open'
       GROUP BY target_type, target_id ${after}
       ORDER BY min(created_at), target_id LIMIT ${o.limit}
    )
    SELECT g.target_type, g.target_id, g.first_at, g.first_key,
           t.id AS thread_id, t.title AS thread_title, t.locked_at IS NOT NULL AS thread_locked,
           CASE WHEN g.target_type = 'reply' THEN r.body_html ELSE t.body_html END AS body_html,
           CASE WHEN g.target_type = 'reply' THEN r.body_md ELSE t.body_md END AS body_md,
           CASE WHEN g.target_type = 'reply' THEN r.created_at ELSE t.created_at END AS created_at,
           CASE WHEN g.target_type = 'reply' THEN r.hidden_at ELSE t.hidden_at END IS NOT NULL AS hidden,
           CASE WHEN g.target_type = 'reply' THEN r.deleted_at ELSE t.deleted_at END IS NOT NULL AS deleted,
           CASE WHEN g.target_type = 'reply' THEN left(coalesce(pr.body_md, t.body_md), 400) END AS parent_md,
           u.id AS author_id, u.handle AS author_handle, u.display_name AS author_display_name,
           u.deleted_at AS author_deleted_at, u.imported AS author_imported,
           u.suspended_until AS author_suspended_until, u.karma AS author_karma,
           (SELECT json_agg(json_build_object(
                     'id', f.id, 'reason', f.reason, 'note', f.note, 'created_at', f.created_at,
                     'reporter_id', ru.id, 'reporter_handle', ru.handle,
                     'reporter_name', ru.display_name) ORDER BY f.created_at)
              FROM flags f LEFT JOIN users ru ON ru.id = f.reporter_id
             WHERE f.target_type = g.target_type AND f.target_id = g.target_id
               AND f.status = 'open') AS flags
      FROM g
      LEFT JOIN replies r ON g.target_type = 'reply' AND r.id = g.target_id
      JOIN threads t ON t.id = coalesce(r.thread_id, g.target_id)
      LEFT JOIN replies pr ON pr.id = r.parent_id
      LEFT JOIN users u ON u.id = CASE WHEN g.target_type = 'reply' THEN r.author_id ELSE t.author_id END
     ORDER BY g.first_at, g.target_id`.execute(db);
  return rows;
}
export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

export function listAudit(
  db: Db,
  o: { limit: number; moderator?: string; targetId?: string; before?: readonly [string, string] },
) {
  return db
    .selectFrom('moderation_log as l')
    .leftJoin('users as u', 'u.id', 'l.moderator_id')
    .select([
      'l.id',
      'l.action',
      'l.target_type',
      'l.target_id',
      'l.thread_id',
      'l.reason',
      'l.details',
      'l.created_at',
      sql<string>`l.created_at::text`.as('created_key'),
      'u.id as author_id',
      'u.handle as author_handle',
      'u.display_name as author_display_name',
      'u.deleted_at as author_deleted_at',
    ])
    .$if(!!o.moderator, (q) => q.where('l.moderator_id', '=', o.moderator!))
    .$if(!!o.targetId, (q) => q.where('l.target_id', '=', o.targetId!))
    .$if(!!o.before, (q) =>
      q.where(
        sql<boolean>`(l.created_at, l.id) < (${o.before![0]}::timestamptz, ${o.before![1]}::uuid)`,
      ),
    )
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(o.limit)
    .execute();
}
