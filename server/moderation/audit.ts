import type { ModerationAction } from '../../shared/api/moderation';
import type { Viewer } from '../auth/viewer';
import type { Trx } from '../forum/author';

/** One row per moderator action, written in the action's own transaction. */
export async function logModeration(
  trx: Trx,
  moderator: Viewer,
  entry: {
    action: ModerationAction;
    targetType: 'thread' | 'reply' | 'user' | 'chat_message';
    targetId: string;
    threadId?: string | null;
    reason?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<string> {
  const row = await trx
    .insertInto('moderation_log')
    .values({
      moderator_id: moderator.id,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      thread_id: entry.threadId ?? null,
      reason: entry.reason || null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
