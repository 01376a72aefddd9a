import { sql } from 'kysely';
import type { ThreadViewerOverlay } from '../../shared/api/threads';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';

/**
 * The per-person part of a thread page (see shared/forum/viewer-overlay.ts): ONE query, by
 * index, whatever the thread's size — the viewer's thread vote and follow, their reply votes
 * in this thread (reply_votes_user_thread_idx) and the markdown of their own posts. Only the
 * viewer's own rows are read, so nothing here can be another member's.
 */
export async function threadViewerOverlay(
  ctx: AppContext,
  viewer: Viewer,
  threadId: string,
): Promise<ThreadViewerOverlay> {
  const { rows } = await sql<{
    voted: boolean;
    following: boolean;
    thread_md: string | null;
    voted_reply_ids: string[];
    reply_md: Record<string, string>;
  }>`
    SELECT
      EXISTS (SELECT 1 FROM thread_votes v WHERE v.thread_id = t.id AND v.user_id = ${viewer.id}) AS voted,
      EXISTS (SELECT 1 FROM thread_follows f WHERE f.thread_id = t.id AND f.user_id = ${viewer.id}) AS following,
      CASE WHEN t.author_id = ${viewer.id} THEN t.body_md END AS thread_md,
      coalesce((SELECT array_agg(rv.reply_id) FROM reply_votes rv
                 WHERE rv.user_id = ${viewer.id} AND rv.thread_id = t.id), '{}') AS voted_reply_ids,
      coalesce((SELECT json_object_agg(r.id, r.body_md) FROM replies r
                 WHERE r.thread_id = t.id AND r.author_id = ${viewer.id} AND r.deleted_at IS NULL),
               '{}') AS reply_md
    FROM threads t WHERE t.id = ${threadId}`.execute(ctx.db);
  const row = rows[0];
  if (!row) throw notFound('That thread');
  return {
    threadId,
    viewer: { id: viewer.id, role: viewer.role },
    now: new Date().toISOString(),
    editWindowHours: ctx.config.FORUM_EDIT_WINDOW_HOURS,
    voted: row.voted,
    following: row.following,
    votedReplyIds: row.voted_reply_ids,
    threadMarkdown: row.thread_md,
    replyMarkdown: row.reply_md,
  };
}
