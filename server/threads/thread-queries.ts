import { sql } from 'kysely';
import type { Db } from '../db';
import type { Trx } from '../forum/author';

/** One thread with its author and, for a signed-in viewer, their vote and follow. */
export function findThread(db: Db | Trx, id: string, viewerId: string | null) {
  return db
    .selectFrom('threads as t')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .select([
      't.id',
      't.title',
      't.body_md',
      't.body_html',
      't.tags',
      't.points',
      't.reply_count',
      't.helpful_count',
      't.follower_count',
      't.revision_count',
      't.locked_at',
      't.deleted_at',
      't.hidden_at',
      't.hidden_reason',
      't.created_at',
      't.edited_at',
      't.updated_at',
      't.last_activity_at',
      'u.id as author_id',
      'u.handle as author_handle',
      'u.display_name as author_display_name',
      'u.deleted_at as author_deleted_at',
      'u.imported as author_imported',
      // Live updates: the thread's event number, read in the same snapshot as the row.
      sql<number>`coalesce((SELECT c.last_seq FROM thread_event_counters c WHERE c.thread_id = t.id), 0)::int`.as(
        'event_seq',
      ),
    ])
    .select(
      viewerId
        ? [
            sql<boolean>`EXISTS (SELECT 1 FROM thread_votes v WHERE v.thread_id = t.id AND v.user_id = ${viewerId})`.as(
              'viewer_voted',
            ),
            sql<boolean>`EXISTS (SELECT 1 FROM thread_follows f WHERE f.thread_id = t.id AND f.user_id = ${viewerId})`.as(
              'viewer_following',
            ),
          ]
        : [sql<boolean>`false`.as('viewer_voted'), sql<boolean>`false`.as('viewer_following')],
    )
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export type ThreadRow = NonNullable<Awaited<ReturnType<typeof findThread>>>;

/** What deciding readability needs, with the number of replies (removed ones included). */
export function findThreadFacts(db: Db, id: string) {
  return db
    .selectFrom('threads as t')
    .select([
      't.author_id',
      't.created_at',
      't.deleted_at',
      't.hidden_at',
      't.locked_at',
      sql<number>`(SELECT count(*) FROM replies r WHERE r.thread_id = t.id)::int`.as('replies'),
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}

/** The row a write works on, locked for the rest of the transaction. */
export function lockThread(trx: Trx, id: string) {
  return trx
    .selectFrom('threads')
    .select([
      'id',
      'author_id',
      'title',
      'body_md',
      'body_html',
      'tags',
      'created_at',
      'edited_at',
      'edited_by',
      'deleted_at',
      'hidden_at',
      'locked_at',
      'revision_count',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The same author posting the same text again within 10 minutes (a double submit). */
export function findRecentDuplicateThread(trx: Trx, authorId: string, bodyMd: string) {
  return trx
    .selectFrom('threads')
    .select('id')
    .where('author_id', '=', authorId)
    .where('body_md', '=', bodyMd)
    .where('deleted_at', 'is', null)
    .where('created_at', '>', sql<Date>`now() - interval '10 minutes'`)
    .executeTakeFirst();
}

export function listRevisions(db: Db, target: { threadId: string; replyId: string | null }) {
  return db
    .selectFrom('revisions as r')
    .leftJoin('users as u', 'u.id', 'r.editor_id')
    .select([
      'r.number',
      'r.title',
      'r.tags',
      'r.body_md',
      'r.body_html',
      'r.written_at',
      'r.replaced_at',
      'u.id as author_id',
      'u.handle as author_handle',
      'u.display_name as author_display_name',
      'u.deleted_at as author_deleted_at',
      'u.imported as author_imported',
    ])
    .where('r.thread_id', '=', target.threadId)
    .$if(target.replyId === null, (q) => q.where('r.reply_id', 'is', null))
    .$if(target.replyId !== null, (q) => q.where('r.reply_id', '=', target.replyId!))
    .orderBy('r.number', 'desc')
    .execute();
}
