import { sql } from 'kysely';
import type { FlagResult, ModerationResult, TargetType } from '../../shared/api/moderation';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { lockAuthor, type Trx } from '../forum/author';
import { withOutbox } from '../forum/posting';
import { forbidden, notFound } from '../http/errors';
import { recountThread } from '../replies/service';
import { recountTags } from '../threads/tags';
import { replyForEvent, threadForEvent } from '../realtime/present';
import { logModeration } from './audit';

interface Target {
  targetType: TargetType;
  targetId: string;
  reason?: string;
}

async function findTarget(trx: Trx, t: Target) {
  const row =
    t.targetType === 'thread'
      ? await trx
          .selectFrom('threads')
          .select(['id', 'id as thread_id', 'author_id', 'deleted_at', 'hidden_at', 'tags'])
          .where('id', '=', t.targetId)
          .forUpdate()
          .executeTakeFirst()
      : await trx
          .selectFrom('replies')
          .select(['id', 'thread_id', 'author_id', 'deleted_at', 'hidden_at'])
          .select(sql<string[]>`'{}'::text[]`.as('tags'))
          .where('id', '=', t.targetId)
          .forUpdate()
          .executeTakeFirst();
  if (!row) throw notFound(`That ${t.targetType}`);
  return row;
}

export async function flag(
  ctx: AppContext,
  viewer: Viewer,
  input: Target & { reason: string; note?: string },
): Promise<FlagResult> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockAuthor(trx, viewer, ctx.config);
    const target = await findTarget(trx, input);
    if (target.deleted_at) throw notFound(`That ${input.targetType}`);
    if (target.author_id === viewer.id) throw forbidden('You cannot flag your own post');
    const inserted = await trx
      .insertInto('flags')
      .values({
        target_type: input.targetType,
        target_id: input.targetId,
        thread_id: target.thread_id,
        reply_id: input.targetType === 'reply' ? input.targetId : null,
        reporter_id: viewer.id,
        reason: input.reason,
        note: input.note || null,
      })
      .onConflict((oc) => oc.columns(['reporter_id', 'target_type', 'target_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    const existing = await trx
      .selectFrom('flags')
      .select('id')
      .where('reporter_id', '=', viewer.id)
      .where('target_type', '=', input.targetType)
      .where('target_id', '=', input.targetId)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  });
}

async function closeFlags(trx: Trx, mod: Viewer, t: Target, status: 'dismissed' | 'actioned') {
  const res = await trx
    .updateTable('flags')
    .set({ status, resolved_at: new Date(), resolved_by: mod.id })
    .where('target_type', '=', t.targetType)
    .where('target_id', '=', t.targetId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function dismissFlags(ctx: AppContext, mod: Viewer, t: Target) {
  return ctx.db.transaction().execute(async (trx): Promise<ModerationResult> => {
    const target = await findTarget(trx, t);
    const closedFlags = await closeFlags(trx, mod, t, 'dismissed');
    const auditId = await logModeration(trx, mod, {
      action: 'dismiss_flags',
      targetType: t.targetType,
      targetId: t.targetId,
      threadId: target.thread_id,
      reason: t.reason,
      details: { closedFlags },
    });
    return { action: 'dismiss_flags', auditId, closedFlags };
  });
}

/** Hide replaces the content by a notice for everyone but moderators; restore undoes it. */
export async function setHidden(ctx: AppContext, mod: Viewer, t: Target, hidden: boolean) {
  return withOutbox(ctx, async (trx, outbox): Promise<ModerationResult> => {
    const target = await findTarget(trx, t);
    const table = t.targetType === 'thread' ? 'threads' : 'replies';
    await trx
      .updateTable(table)
      .set({
        hidden_at: hidden ? new Date() : null,
        hidden_by: hidden ? mod.id : null,
        hidden_reason: hidden ? t.reason || null : null,
        updated_at: new Date(),
      })
      .where('id', '=', t.targetId)
      .execute();
    if (t.targetType === 'reply') await recountThread(trx, target.thread_id);
    else await recountTags(trx, target.tags);
    const closedFlags = hidden ? await closeFlags(trx, mod, t, 'actioned') : 0;
    const action = hidden ? 'hide' : 'restore';
    const auditId = await logModeration(trx, mod, {
      action,
      targetType: t.targetType,
      targetId: t.targetId,
      threadId: target.thread_id,
      reason: t.reason,
      details: { closedFlags, wasHidden: !!target.hidden_at },
    });
    // live: last in the transaction (a reply's hide also changes the thread's counts)
    const thread = {
      type: 'thread.updated' as const,
      thread: await threadForEvent(ctx, trx, target.thread_id),
    };
    if (t.targetType === 'thread') await outbox.thread(trx, target.thread_id, thread);
    else
      await outbox.thread(
        trx,
        target.thread_id,
        {
          type: 'reply.updated',
          reply: await replyForEvent(ctx, trx, target.thread_id, t.targetId),
        },
        thread,
      );
    return { action, auditId, closedFlags };
  });
}

export async function setLocked(
  ctx: AppContext,
  mod: Viewer,
  threadId: string,
  locked: boolean,
  reason?: string,
) {
  return withOutbox(ctx, async (trx, outbox): Promise<ModerationResult> => {
    const res = await trx
      .updateTable('threads')
      .set({
        locked_at: locked ? new Date() : null,
        locked_by: locked ? mod.id : null,
        updated_at: new Date(),
      })
      .where('id', '=', threadId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound('That thread');
    const action = locked ? 'lock' : 'unlock';
    const auditId = await logModeration(trx, mod, {
      action,
      targetType: 'thread',
      targetId: threadId,
      threadId,
      reason,
    });
    // live: last in the transaction
    await outbox.thread(trx, threadId, {
      type: 'thread.updated',
      thread: await threadForEvent(ctx, trx, threadId),
    });
    return { action, auditId, closedFlags: 0 };
  });
}

/**
 * Suspends a member for `days`: every write of theirs is refused until then (lockAuthor),
 * and their sessions are deleted so they are signed out everywhere at once. Sessions live
 * in connect-pg-simple's `session` table (auth migration), keyed by user through `user_id`.
 */
export async function setSuspended(
  ctx: AppContext,
  mod: Viewer,
  userId: string,
  suspend: { days: number; reason: string } | null,
) {
  if (userId === mod.id) throw forbidden('You cannot suspend yourself');
  return ctx.db.transaction().execute(async (trx): Promise<ModerationResult> => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'role'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw notFound('That member');
    if (user.role === 'admin' || (user.role === 'moderator' && mod.role !== 'admin'))
      throw forbidden('Only an admin can suspend a moderator, and nobody can suspend an admin');
    const until = suspend ? new Date(Date.now() + suspend.days * 86_400_000) : null;
    await trx
      .updateTable('users')
      .set({ suspended_until: until, suspended_reason: suspend?.reason ?? null })
      .where('id', '=', userId)
      .execute();
    const endedSessions = suspend ? await endSessions(trx, userId) : 0;
    const action = suspend ? 'suspend' : 'unsuspend';
    const auditId = await logModeration(trx, mod, {
      action,
      targetType: 'user',
      targetId: userId,
      reason: suspend?.reason,
      details: suspend ? { days: suspend.days, until: until!.toISOString(), endedSessions } : {},
    });
    return {
      action,
      auditId,
      closedFlags: 0,
      suspendedUntil: until?.toISOString() ?? null,
      ...(suspend ? { endedSessions } : {}),
    };
  });
}

async function endSessions(trx: Trx, userId: string): Promise<number> {
  // session.user_id is generated from sess.passport.user (auth migration) and indexed.
  const res = await sql`DELETE FROM session WHERE user_id = ${userId}::uuid`.execute(trx);
  return Number(res.numAffectedRows ?? 0);
}
