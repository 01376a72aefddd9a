import { notifyPostCreated } from '../notifications/post-events';
import { enqueue } from '../jobs/enqueue';
import { queues } from '../jobs/queues';
import type { CreateThreadInput, ReplySort, ThreadDetail } from '../../shared/api/threads';
import { TREE_DEPTH_LIMIT } from '../../shared/api/threads';
import { renderMarkdown } from '../../shared/markdown';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import { checkPostRate, touchLastActive, type Trx } from '../forum/author';
import {
  assertCanDelete,
  assertCanEdit,
  assertReadable,
  type PolicyContext,
} from '../forum/policy';
import {
  auditIfModerating,
  editedBy,
  forumWrite,
  saveRevision,
  threadFactsOf,
} from '../forum/posting';
import { threadUrl } from '../forum/urls';
import { AppError, notFound } from '../http/errors';
import type { Outbox } from '../realtime/outbox';
import { summaryOf, threadForEvent } from '../realtime/present';
import { listReplies } from '../replies/queries';
import { threadReplies } from '../replies/tree';
import { presentThread } from './presenter';
import { ensureTags, recountTags } from './tags';
import {
  findRecentDuplicateThread,
  findThread,
  findThreadFacts,
  lockThread,
} from './thread-queries';

export function policyFor(ctx: AppContext, viewer: Viewer | null): PolicyContext {
  return { viewer, now: new Date(), editWindowHours: ctx.config.FORUM_EDIT_WINDOW_HOURS };
}

/** The thread page: the thread and its whole reply tree — two queries, whatever the size. */
export async function getThreadDetail(
  ctx: AppContext,
  viewer: Viewer | null,
  id: string,
  sort: ReplySort,
): Promise<ThreadDetail> {
  const viewerId = viewer?.id ?? null;
  // live: the thread row carries the event sequence number from the same snapshot, and the
  // replies are read AFTER it (not in parallel), so the page holds at least every event up to
  // eventSeq; the client joins the room with it and gets exactly the events after.
  const row = await findThread(ctx.db, id, viewerId);
  if (!row) throw notFound('That thread');
  const rows = await listReplies(ctx.db, id, viewerId);
  const facts = threadFactsOf(row);
  assertReadable(viewer, { ...facts, replyCount: rows.length });
  const policy = policyFor(ctx, viewer);
  const { replies, helpful } = threadReplies(rows, {
    threadId: id,
    thread: facts,
    order: sort,
    policy,
    depthLimit: TREE_DEPTH_LIMIT,
  });
  return {
    thread: presentThread(row, policy),
    replies,
    helpfulReplyIds: helpful.map((r) => r.id),
    helpfulReplies: helpful,
    sort,
    eventSeq: row.event_seq,
  };
}

/** The same 404s as the thread page, without reading and presenting its replies. */
export async function assertThreadReadable(
  ctx: AppContext,
  viewer: Viewer | null,
  id: string,
): Promise<void> {
  const row = await findThreadFacts(ctx.db, id);
  if (!row) throw notFound('That thread');
  assertReadable(viewer, { ...threadFactsOf(row), replyCount: row.replies });
}

export async function createThread(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateThreadInput & { tags: string[] },
): Promise<{ created: boolean; id: string }> {
  try {
    return await forumWrite(ctx, viewer, async (trx, outbox, author) => {
      // A retried submit (same client id) answers with what the first one created.
      const same = await trx
        .selectFrom('threads')
        .select(['id', 'author_id'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (same) {
        if (same.author_id !== viewer.id) throw idTaken();
        return { created: false, id: same.id };
      }
      const dup = await findRecentDuplicateThread(trx, viewer.id, input.body);
      if (dup) throw duplicate(dup.id, threadUrl(dup.id), 'question');
      await checkPostRate(trx, author, ctx.config);
      await ensureTags(trx, input.tags, author, ctx.config);
      await trx
        .insertInto('threads')
        .values({
          id: input.id,
          author_id: viewer.id,
          title: input.title,
          body_md: input.body,
          body_html: renderMarkdown(input.body),
          tags: input.tags,
          follower_count: 1,
        })
        .execute();
      // The asker follows their own question, so later replies reach them.
      await trx
        .insertInto('thread_follows')
        .values({ thread_id: input.id, user_id: viewer.id })
        .execute();
      await recountTags(trx, input.tags);
      await touchLastActive(trx, viewer.id);
      // live: the front pages' "N new questions"
      outbox.newThread(summaryOf(await threadForEvent(ctx, trx, input.id)));
      // Matching mentors hear about it from a job that commits with the thread.
      await enqueue(trx, queues.questionPosted, { threadId: input.id });
      await notifyPostCreated(trx, { threadId: input.id, body: input.body, author: viewer });
      return { created: true, id: input.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw idTaken();
    throw err;
  }
}

export function idTaken() {
  return new AppError('conflict', 'id: is already used by another post; generate a new one', 'id');
}

export function duplicate(existingId: string, existingUrl: string, what: string) {
  return new AppError('conflict', `You posted this same ${what} a few minutes ago`, 'body', {
    existingId,
    existingUrl,
  });
}

export async function editThread(
  ctx: AppContext,
  viewer: Viewer,
  id: string,
  input: { title?: string; body?: string; tags?: string[] },
): Promise<void> {
  await forumWrite(ctx, viewer, async (trx, outbox, author) => {
    const row = await lockThread(trx, id);
    if (!row) throw notFound('That thread');
    const facts = threadFactsOf(row);
    assertCanEdit(policyFor(ctx, viewer), facts, facts);
    const title = input.title ?? row.title;
    const body = input.body ?? row.body_md;
    const tags = input.tags ?? row.tags;
    const tagsChanged = tags.join(',') !== row.tags.join(',');
    if (title === row.title && body === row.body_md && !tagsChanged) return;
    if (tagsChanged) await ensureTags(trx, tags, author, ctx.config);
    await saveRevision(trx, { threadId: id, replyId: null, title: row.title, tags: row.tags }, row);
    await trx
      .updateTable('threads')
      .set({
        title,
        body_md: body,
        body_html: body === row.body_md ? row.body_html : renderMarkdown(body),
        tags,
        ...editedBy(viewer),
      })
      .where('id', '=', id)
      .execute();
    if (tagsChanged) await recountTags(trx, [...row.tags, ...tags]);
    await finishChange(ctx, trx, outbox, viewer, row, 'edit');
  });
}

export async function deleteThread(ctx: AppContext, viewer: Viewer, id: string): Promise<void> {
  await forumWrite(ctx, viewer, async (trx, outbox) => {
    const row = await lockThread(trx, id);
    if (!row) throw notFound('That thread');
    assertCanDelete(policyFor(ctx, viewer), threadFactsOf(row));
    if (row.deleted_at) return;
    await trx
      .updateTable('threads')
      .set({ deleted_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recountTags(trx, row.tags);
    await finishChange(ctx, trx, outbox, viewer, row, 'delete');
  });
}

/** After an edit or delete: the moderation log if a moderator did it, then the live update. */
async function finishChange(
  ctx: AppContext,
  trx: Trx,
  outbox: Outbox,
  viewer: Viewer,
  row: { id: string; author_id: string | null },
  action: 'edit' | 'delete',
): Promise<void> {
  await auditIfModerating(trx, viewer, row.author_id, {
    action,
    targetType: 'thread',
    targetId: row.id,
    threadId: row.id,
  });
  // live: last in the transaction
  await outbox.thread(trx, row.id, {
    type: 'thread.updated',
    thread: await threadForEvent(ctx, trx, row.id),
  });
}
