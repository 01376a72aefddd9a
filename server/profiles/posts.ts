import type { Page } from '../../shared/api/threads';
import type { UserPostsQuery, UserQuestion, UserReply } from '../../shared/api/user-posts';
import type { Db } from '../db';
import { notFound } from '../http/errors';
import { afterKey, microKey, newestFirst, pageOf } from '../lib/paging';
import { excerpt } from '../threads/presenter';
import { assertNotDeleted } from './policy';

/** The person behind a handle (404 unknown, 410 deleted), case-insensitively like profiles. */
async function authorId(db: Db, handle: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'handle', 'deleted_at'])
    .where((eb) => eb(eb.fn('lower', ['handle']), '=', handle.toLowerCase()))
    .executeTakeFirst();
  if (!row) throw notFound(`The profile @${handle}`);
  return assertNotDeleted(row).id;
}

/** Their questions, newest first (threads_author_created_idx serves the order). */
export async function questionsBy(
  db: Db,
  handle: string,
  q: UserPostsQuery,
): Promise<Page<UserQuestion>> {
  const id = await authorId(db, handle);
  const rows = await newestFirst(
    db
      .selectFrom('threads')
      .select([
        'id',
        'title',
        'created_at',
        'reply_count',
        'tags',
        microKey('created_at').as('key'),
      ])
      .where('author_id', '=', id)
      .where('deleted_at', 'is', null)
      .where('hidden_at', 'is', null),
    'created_at',
    'id',
    { limit: q.limit + 1, after: afterKey(q.cursor) },
  ).execute();
  return pageOf(
    rows,
    q.limit,
    (r) => r.key,
    (r) => ({
      id: r.id,
      title: r.title,
      url: `/q/${r.id}`,
      createdAt: r.created_at.toISOString(),
      replyCount: r.reply_count,
      tags: r.tags,
    }),
  );
}

/** Their replies, newest first, each with the question it answers (public threads only). */
export async function repliesBy(
  db: Db,
  handle: string,
  q: UserPostsQuery,
): Promise<Page<UserReply>> {
  const id = await authorId(db, handle);
  const rows = await newestFirst(
    db
      .selectFrom('replies as r')
      .innerJoin('threads as t', 't.id', 'r.thread_id')
      .select([
        'r.id',
        'r.body_md',
        'r.created_at',
        't.id as thread_id',
        't.title as thread_title',
        microKey('r.created_at').as('key'),
      ])
      .where('r.author_id', '=', id)
      .where('r.deleted_at', 'is', null)
      .where('r.hidden_at', 'is', null)
      .where('t.deleted_at', 'is', null)
      .where('t.hidden_at', 'is', null),
    'r.created_at',
    'r.id',
    { limit: q.limit + 1, after: afterKey(q.cursor) },
  ).execute();
  return pageOf(
    rows,
    q.limit,
    (r) => r.key,
    (r) => ({
      id: r.id,
      url: `/q/${r.thread_id}/r/${r.id}`,
      createdAt: r.created_at.toISOString(),
      excerpt: excerpt(r.body_md, 200),
      thread: { id: r.thread_id, title: r.thread_title },
    }),
  );
}
