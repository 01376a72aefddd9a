import { notifyAndMail, notifyPostCreated } from '../notifications/post-events';
import { sql } from 'kysely';
import type { CreateReplyInput, HelpfulResult } from '../../shared/api/threads';
import { renderMarkdown } from '../../shared/markdown';
import { isModerator, type Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import { checkPostRate, touchLastActive, type Trx } from '../forum/author';
import { assertCanDelete, assertCanEdit } from '../forum/policy';
import {
  auditIfModerating,
  editedBy,
  forumWrite,
  postFacts,
  saveRevision,
  threadFactsOf,
} from '../forum/posting';
import { replyUrl } from '../forum/urls';
import { forbidden, invalid, notFound } from '../http/errors';
import { replyForEvent } from '../realtime/present';
import { duplicate, idTaken, policyFor } from '../threads/service';
import { lockThread } from '../threads/thread-queries';
import { findRecentDuplicateReply, insertReply, lockReply } from './queries';

export async function createReply(
  ctx: AppContext,
  viewer: Viewer,
  threadId: string,
  input: CreateReplyInput,
): Promise<{ created: boolean; id: string }> {
  const parentId = input.parentId ?? null;
  try {
    return await forumWrite(ctx, viewer, async (trx, outbox, author) => {
      const same = await trx
        .selectFrom('replies')
        .select(['id', 'author_id', 'thread_id'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (same) {
        if (same.author_id !== viewer.id || same.thread_id !== threadId) throw idTaken();
        return { created: false, id: same.id };
      }
      const thread = await lockThread(trx, threadId);
      if (!thread || thread.deleted_at || (thread.hidden_at && !isModerator(viewer)))
        throw notFound('That thread');
      if (thread.locked_at && !isModerator(viewer))
        throw forbidden('This thread is locked: it takes no new replies');
      if (parentId) {
        const parent = await trx
          .selectFrom('replies')
          .select(['thread_id', 'deleted_at', 'hidden_at'])
          .where('id', '=', parentId)
          .executeTakeFirst();
        if (!parent || parent.thread_id !== threadId)
          throw invalid('parentId', 'is not a reply in this thread');
        if (parent.deleted_at || parent.hidden_at)
          throw invalid('parentId', 'that reply was removed; reply to the thread instead');
      }
      const dup = await findRecentDuplicateReply(trx, {
        authorId: viewer.id,
        threadId,
        parentId,
        bodyMd: input.body,
      });
      if (dup) throw duplicate(dup.id, replyUrl(threadId, dup.id), 'reply here');
      await checkPostRate(trx, author, ctx.config);
      await insertReply(trx, {
        id: input.id,
        threadId,
        parentId,
        authorId: viewer.id,
        bodyMd: input.body,
        bodyHtml: renderMarkdown(input.body),
      });
      await sql`
        UPDATE threads SET reply_count = reply_count + 1, last_activity_at = now(), updated_at = now(),
               hot_score = forum_hot_score(points, created_at, now())
         WHERE id = ${threadId}`.execute(trx);
      await touchLastActive(trx, viewer.id);
      await notifyPostCreated(trx, {
        threadId,
        replyId: input.id,
        parentId,
        body: input.body,
        author: viewer,
      });
      // live: last in the transaction (it locks the thread's event counter until commit)
      await outbox.thread(trx, threadId, {
        type: 'reply.created',
        reply: await replyForEvent(ctx, trx, threadId, input.id),
      });
      return { created: true, id: input.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw idTaken();
    throw err;
  }
}

async function lockReplyWithThread(trx: Trx, replyId: string) {
  const reply = await lockReply(trx, replyId);
  if (!reply) throw notFound('That reply');
  const thread = await lockThread(trx, reply.thread_id);
  if (!thread) throw notFound('That reply');
  return { reply, thread, facts: postFacts(reply), tfacts: threadFactsOf(thread) };
}

export async function editReply(
  ctx: AppContext,
  viewer: Viewer,
  replyId: string,
  body: string,
): Promise<void> {
  await forumWrite(ctx, viewer, async (trx, outbox) => {
    const { reply, facts, tfacts } = await lockReplyWithThread(trx, replyId);
    assertCanEdit(policyFor(ctx, viewer), facts, tfacts);
    if (body === reply.body_md) return;
    await saveRevision(trx, { threadId: reply.thread_id, replyId: reply.id }, reply);
    await trx
      .updateTable('replies')
      .set({ body_md: body, body_html: renderMarkdown(body), ...editedBy(viewer) })
      .where('id', '=', replyId)
      .execute();
    await auditIfModerating(trx, viewer, reply.author_id, {
      action: 'edit',
      targetType: 'reply',
      targetId: replyId,
      threadId: reply.thread_id,
    });
    // live: last in the transaction
    await outbox.thread(trx, reply.thread_id, {
      type: 'reply.updated',
      reply: await replyForEvent(ctx, trx, reply.thread_id, replyId),
    });
  });
}

export async function deleteReply(ctx: AppContext, viewer: Viewer, replyId: string) {
  await forumWrite(ctx, viewer, async (trx, outbox) => {
    const { reply, facts } = await lockReplyWithThread(trx, replyId);
    assertCanDelete(policyFor(ctx, viewer), facts);
    if (reply.deleted_at) return;
    await trx
      .updateTable('replies')
      .set({ deleted_at: new Date(), updated_at: new Date() })
      .where('id', '=', replyId)
      .execute();
    await recountThread(trx, reply.thread_id);
    await auditIfModerating(trx, viewer, reply.author_id, {
      action: 'delete',
      targetType: 'reply',
      targetId: replyId,
      threadId: reply.thread_id,
    });
    // live: last in the transaction
    await outbox.thread(trx, reply.thread_id, { type: 'reply.deleted', replyId });
  });
}

/**
 * After a delete, hide or restore: visible replies and visible helpful replies, counted
 * again (rare writes, so exactness beats a clever increment).
 */
export async function recountThread(trx: Trx, threadId: string): Promise<void> {
  await sql`
    UPDATE threads t SET
      reply_count = c.replies, helpful_count = c.helpful, updated_at = now()
      FROM (SELECT count(*)::int AS replies,
                   count(*) FILTER (WHERE helpful_at IS NOT NULL)::int AS helpful
              FROM replies WHERE thread_id = ${threadId}
               AND deleted_at IS NULL AND hidden_at IS NULL) c
     WHERE t.id = ${threadId}`.execute(trx);
}

export async function setHelpful(
  ctx: AppContext,
  viewer: Viewer,
  replyId: string,
  helpful: boolean,
): Promise<HelpfulResult> {
  return forumWrite(ctx, viewer, async (trx, outbox) => {
    const { reply, thread } = await lockReplyWithThread(trx, replyId);
    if (reply.deleted_at || reply.hidden_at || thread.deleted_at) throw notFound('That reply');
    if (thread.author_id !== viewer.id)
      throw forbidden('Only the person who asked can mark replies as helpful');
    if (reply.author_id === viewer.id) throw forbidden('You cannot mark your own reply as helpful');
    const changed = !!reply.helpful_at !== helpful;
    if (changed) {
      await trx
        .updateTable('replies')
        .set({ helpful_at: helpful ? new Date() : null, updated_at: new Date() })
        .where('id', '=', replyId)
        .execute();
      await recountThread(trx, reply.thread_id);
      if (helpful && reply.author_id)
        await notifyAndMail(trx, [
          {
            userId: reply.author_id,
            kind: 'helped',
            payload: {
              threadId: reply.thread_id,
              replyId,
              title: thread.title,
              by: { handle: viewer.handle, displayName: viewer.displayName },
            },
            dedupeKey: `helped:${replyId}`,
          },
        ]);
    }
    const marked = await trx
      .selectFrom('replies')
      .select('id')
      .where('thread_id', '=', reply.thread_id)
      .where('helpful_at', 'is not', null)
      .where('deleted_at', 'is', null)
      .where('hidden_at', 'is', null)
      .orderBy('helpful_at')
      .execute();
    const helpfulReplyIds = marked.map((m) => m.id);
    // live: last in the transaction
    if (changed) await outbox.thread(trx, reply.thread_id, { type: 'helpful', helpfulReplyIds });
    return { helpful, answered: marked.length > 0, helpfulReplyIds };
  });
}
