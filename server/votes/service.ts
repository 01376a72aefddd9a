import { sql } from 'kysely';
import type { VoteResult } from '../../shared/api/threads';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import type { Author, Trx } from '../forum/author';
import { forumWrite } from '../forum/posting';
import { AppError, forbidden, notFound } from '../http/errors';

type Target = 'thread' | 'reply';

/**
 * Upvote / undo. One vote per member per item is the table's primary key, so concurrent
 * requests cannot double-count: only the INSERT that actually inserted (or the DELETE that
 * actually deleted) moves the counters, in the same transaction. Points, the author's karma
 * and — for threads — the stored hot score change together.
 */
export async function setVote(
  ctx: AppContext,
  viewer: Viewer,
  target: Target,
  id: string,
  up: boolean,
): Promise<VoteResult> {
  return forumWrite(ctx, viewer, async (trx, outbox, author) => {
    const item = await findTarget(trx, target, id);
    if (!item || item.deleted_at || item.hidden_at) throw notFound(`That ${target}`);
    if (item.author_id === viewer.id) throw forbidden('You cannot vote on your own post');
    const cap = author.isNew ? ctx.config.FORUM_VOTES_PER_DAY_NEW : ctx.config.FORUM_VOTES_PER_DAY;
    let used = await votesToday(trx, viewer.id);
    let changed = false;
    if (up) {
      const already = await hasVoted(trx, target, id, viewer.id);
      if (!already) {
        if (used >= cap) throw capReached(author, cap);
        changed = await insertVote(trx, target, id, item.thread_id, viewer.id);
        if (changed) used++;
      }
    } else {
      changed = await deleteVote(trx, target, id, viewer.id);
      if (changed) used--;
    }
    let points = item.points;
    if (changed) {
      const delta = up ? 1 : -1;
      points = await bumpPoints(trx, target, id, delta);
      if (item.author_id)
        await trx
          .updateTable('users')
          .set((eb) => ({ karma: eb('karma', '+', delta) }))
          .where('id', '=', item.author_id)
          .execute();
      // live: last in the transaction
      await outbox.thread(
        trx,
        item.thread_id,
        target === 'thread'
          ? { type: 'thread.updated', thread: { points } }
          : { type: 'reply.points', replyId: id, points },
      );
    }
    return { voted: up, points, votesLeftToday: Math.max(cap - used, 0) };
  });
}

async function findTarget(trx: Trx, target: Target, id: string) {
  if (target === 'thread')
    return trx
      .selectFrom('threads')
      .select(['id', 'id as thread_id', 'author_id', 'points', 'deleted_at', 'hidden_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  return trx
    .selectFrom('replies')
    .select(['id', 'thread_id', 'author_id', 'points', 'deleted_at', 'hidden_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

async function votesToday(trx: Trx, userId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM thread_votes WHERE user_id = ${userId} AND created_at > now() - interval '1 day')
         + (SELECT count(*) FROM reply_votes WHERE user_id = ${userId} AND created_at > now() - interval '1 day')
      AS n`.execute(trx);
  return Number(rows[0]!.n);
}

async function hasVoted(trx: Trx, target: Target, id: string, userId: string) {
  const row =
    target === 'thread'
      ? await trx
          .selectFrom('thread_votes')
          .select('user_id')
          .where('thread_id', '=', id)
          .where('user_id', '=', userId)
          .executeTakeFirst()
      : await trx
          .selectFrom('reply_votes')
          .select('user_id')
          .where('reply_id', '=', id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
  return !!row;
}

async function insertVote(trx: Trx, target: Target, id: string, threadId: string, userId: string) {
  const row =
    target === 'thread'
      ? await trx
          .insertInto('thread_votes')
          .values({ thread_id: id, user_id: userId })
          .onConflict((oc) => oc.doNothing())
          .returning('user_id')
          .executeTakeFirst()
      : await trx
          .insertInto('reply_votes')
          .values({ reply_id: id, user_id: userId, thread_id: threadId })
          .onConflict((oc) => oc.doNothing())
          .returning('user_id')
          .executeTakeFirst();
  return !!row;
}

async function deleteVote(trx: Trx, target: Target, id: string, userId: string) {
  const row =
    target === 'thread'
      ? await trx
          .deleteFrom('thread_votes')
          .where('thread_id', '=', id)
          .where('user_id', '=', userId)
          .returning('user_id')
          .executeTakeFirst()
      : await trx
          .deleteFrom('reply_votes')
          .where('reply_id', '=', id)
          .where('user_id', '=', userId)
          .returning('user_id')
          .executeTakeFirst();
  return !!row;
}

async function bumpPoints(trx: Trx, target: Target, id: string, delta: number): Promise<number> {
  if (target === 'thread') {
    const { rows } = await sql<{ points: number }>`
      UPDATE threads SET points = points + ${delta}, updated_at = now(),
             hot_score = forum_hot_score(points + ${delta}, created_at, now())
       WHERE id = ${id} RETURNING points`.execute(trx);
    return rows[0]!.points;
  }
  const row = await trx
    .updateTable('replies')
    .set((eb) => ({ points: eb('points', '+', delta), updated_at: new Date() }))
    .where('id', '=', id)
    .returning('points')
    .executeTakeFirstOrThrow();
  return row.points;
}

function capReached(author: Author, cap: number) {
  return new AppError(
    'rate_limited',
    author.isNew
      ? `New accounts can upvote ${cap} times a day; you have used them all. Thanks for reading closely — try again tomorrow.`
      : `You can upvote ${cap} times a day and have used them all. Try again tomorrow.`,
    undefined,
    { retryAfter: 3600 },
  );
}
