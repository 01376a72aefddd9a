import type { CreateThreadInput, ReplySort, ThreadDetail } from '../../shared/api/threads';
import { TREE_DEPTH_LIMIT } from '../../shared/api/threads';
import { renderMarkdown } from '../../shared/markdown';
import { isModerator, type Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { checkPostRate, isUniqueViolation, lockAuthor, touchLastActive } from '../forum/author';
import {
  assertCanDelete,
  assertCanEdit,
  assertReadable,
  type PolicyContext,
} from '../forum/policy';
import { threadUrl } from '../forum/urls';
import { AppError, notFound } from '../http/errors';
import { logModeration } from '../moderation/audit';
import { Outbox } from '../realtime/outbox';
import { summaryOf, threadForEvent } from '../realtime/present';
import { listReplies } from '../replies/queries';
import { buildTree, helpfulReplies } from '../replies/tree';
import { presentThread, threadFacts } from './presenter';
import { ensureTags, recountTags } from './tags';
import { findRecentDuplicateThread, findThread, lockThread } from './thread-queries';

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
  const rows = row ? await listReplies(ctx.db, id, viewerId) : [];
  if (!row) throw notFound('That thread');
  assertReadable(viewer, { ...threadFacts(row), replyCount: rows.length });
  const policy = policyFor(ctx, viewer);
  const treeOpts = {
    threadId: id,
    thread: threadFacts(row),
    order: sort,
    policy,
    depthLimit: TREE_DEPTH_LIMIT,
  };
  const helpful = helpfulReplies(rows, treeOpts);
  return {
    thread: presentThread(row, policy),
    replies: buildTree(rows, treeOpts),
    helpfulReplyIds: helpful.map((r) => r.id),
    helpfulReplies: helpful,
    sort,
    eventSeq: row.event_seq,
  };
}

export async function createThread(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateThreadInput & { tags: string[] },
): Promise<{ created: boolean; id: string }> {
  const outbox = new Outbox(); // live: the front pages' "N new questions"
  try {
    const result = await ctx.db.transaction().execute(async (trx) => {
      const author = await lockAuthor(trx, viewer, ctx.config);
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
      outbox.newThread(summaryOf(await threadForEvent(ctx, trx, input.id)));
      return { created: true, id: input.id };
    });
    outbox.publish(ctx);
    return result;
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
  const outbox = new Outbox();
  await ctx.db.transaction().execute(async (trx) => {
    const author = await lockAuthor(trx, viewer, ctx.config);
    const row = await lockThread(trx, id);
    if (!row) throw notFound('That thread');
    const facts = { ...threadFactsOf(row) };
    assertCanEdit(policyFor(ctx, viewer), facts, facts);
    const title = input.title ?? row.title;
    const body = input.body ?? row.body_md;
    const tags = input.tags ?? row.tags;
    const tagsChanged = tags.join(',') !== row.tags.join(',');
    if (title === row.title && body === row.body_md && !tagsChanged) return;
    if (tagsChanged) await ensureTags(trx, tags, author, ctx.config);
    await trx
      .insertInto('revisions')
      .values({
        thread_id: id,
        reply_id: null,
        number: row.revision_count + 1,
        title: row.title,
        tags: row.tags,
        body_md: row.body_md,
        body_html: row.body_html,
        editor_id: row.edited_by ?? row.author_id,
        written_at: row.edited_at ?? row.created_at,
      })
      .execute();
    await trx
      .updateTable('threads')
      .set((eb) => ({
        title,
        body_md: body,
        body_html: body === row.body_md ? row.body_html : renderMarkdown(body),
        tags,
        edited_at: new Date(),
        edited_by: viewer.id,
        updated_at: new Date(),
        revision_count: eb('revision_count', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    if (tagsChanged) await recountTags(trx, [...row.tags, ...tags]);
    if (viewer.id !== row.author_id && isModerator(viewer))
      await logModeration(trx, viewer, {
        action: 'edit',
        targetType: 'thread',
        targetId: id,
        threadId: id,
      });
    // live: last in the transaction
    await outbox.thread(trx, id, {
      type: 'thread.updated',
      thread: await threadForEvent(ctx, trx, id),
    });
  });
  outbox.publish(ctx);
}

export async function deleteThread(ctx: AppContext, viewer: Viewer, id: string): Promise<void> {
  const outbox = new Outbox();
  await ctx.db.transaction().execute(async (trx) => {
    await lockAuthor(trx, viewer, ctx.config);
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
    if (viewer.id !== row.author_id && isModerator(viewer))
      await logModeration(trx, viewer, {
        action: 'delete',
        targetType: 'thread',
        targetId: id,
        threadId: id,
      });
    // live: last in the transaction
    await outbox.thread(trx, id, {
      type: 'thread.updated',
      thread: await threadForEvent(ctx, trx, id),
    });
  });
  outbox.publish(ctx);
}

function threadFactsOf(row: NonNullable<Awaited<ReturnType<typeof lockThread>>>) {
  return {
    authorId: row.author_id,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
    hiddenAt: row.hidden_at,
    lockedAt: row.locked_at,
  };
}
