import { sql } from 'kysely';
import type { Db } from '../db';

export type ThreadListRow = Awaited<ReturnType<typeof listNewThreads>>[number];

/** Newest first, keyset-paginated on (created_at, id). One query, authors joined in. */
export function listNewThreads(
  db: Db,
  opts: { limit: number; tag?: string; after?: readonly [string, string] },
) {
  return db
    .selectFrom('threads as t')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .select([
      't.id',
      't.title',
      't.body_md',
      't.tags',
      't.points',
      't.reply_count',
      't.created_at',
      't.last_activity_at',
      'u.id as author_id',
      'u.handle as author_handle',
      'u.display_name as author_display_name',
      'u.deleted_at as author_deleted_at',
    ])
    .$if(!!opts.tag, (q) => q.where('t.tags', '@>', [opts.tag!]))
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
