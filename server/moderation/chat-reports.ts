import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  ChatReportItem,
  ChatReportPage,
  chatReportsQuery,
  ModerationResult,
} from '../../shared/api/moderation';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { deletedAuthor } from '../threads/presenter';
import { logModeration } from './audit';

/** How much of a private conversation a moderator sees around a reported message. */
export const CONTEXT_BEFORE = 5;

interface ReportedRow {
  message_id: string;
  conversation_id: string;
  seq: string;
  first_at: Date;
  /** Microsecond text of first_at, for the cursor (a JS Date would drop the microseconds). */
  first_key: string;
  reports: {
    id: string;
    reason: string;
    note: string | null;
    created_at: string;
    reporter_id: string | null;
    handle: string | null;
    display_name: string | null;
  }[];
  participants: { id: string; handle: string; display_name: string; deleted: boolean }[];
}

interface ContextRow {
  reported_id: string;
  id: string;
  seq: string;
  created_at: Date;
  body_html: string;
  deleted: boolean;
  sender_id: string | null;
  handle: string | null;
  display_name: string | null;
  sender_deleted: boolean | null;
}

const person = (id: string | null, handle: string | null, name: string | null, gone = false) =>
  id && handle && name && !gone ? { id, handle, displayName: name } : deletedAuthor;

/**
 * Open chat reports grouped by message, oldest first, in two queries whatever the page size:
 * the page of reported messages (with their reports and participants), then the context of
 * all of them at once (each message and the five before it, by sequence number).
 */
export async function chatReportPage(
  ctx: AppContext,
  q: z.output<typeof chatReportsQuery>,
): Promise<ChatReportPage> {
  const after = decodeCursor(q.cursor, ['time', 'uuid']);
  const { rows } = await sql<ReportedRow>`
    SELECT m.id AS message_id, m.conversation_id, m.seq, min(r.created_at) AS first_at,
           min(r.created_at)::text AS first_key,
           jsonb_agg(jsonb_build_object(
             'id', r.id, 'reason', r.reason, 'note', r.note, 'created_at', r.created_at,
             'reporter_id', u.id, 'handle', u.handle, 'display_name', u.display_name)
             ORDER BY r.created_at) AS reports,
           (SELECT jsonb_agg(jsonb_build_object('id', pu.id, 'handle', pu.handle,
                     'display_name', pu.display_name, 'deleted', pu.deleted_at IS NOT NULL)
                     ORDER BY pu.handle)
              FROM conversation_participants p JOIN users pu ON pu.id = p.user_id
             WHERE p.conversation_id = m.conversation_id) AS participants
      FROM chat_reports r
      JOIN chat_messages m ON m.id = r.message_id
      LEFT JOIN users u ON u.id = r.reporter_id AND u.deleted_at IS NULL
     WHERE r.status = 'open'
     GROUP BY m.id
    HAVING ${after ? sql`(min(r.created_at), m.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql`true`}
     ORDER BY first_at, m.id
     LIMIT ${q.limit + 1}`.execute(ctx.db);
  const page = rows.slice(0, q.limit);
  const context = page.length
    ? (
        await sql<ContextRow>`
          SELECT x.reported_id, c.id, c.seq, c.created_at, c.body_html,
                 c.deleted_at IS NOT NULL AS deleted, c.sender_id, u.handle, u.display_name,
                 u.deleted_at IS NOT NULL AS sender_deleted
            FROM unnest(${page.map((r) => r.message_id)}::uuid[],
                        ${page.map((r) => r.conversation_id)}::uuid[],
                        ${page.map((r) => r.seq)}::bigint[]) AS x(reported_id, conversation_id, seq)
            CROSS JOIN LATERAL (
              SELECT * FROM chat_messages cm
               WHERE cm.conversation_id = x.conversation_id AND cm.seq <= x.seq
               ORDER BY cm.seq DESC LIMIT ${CONTEXT_BEFORE + 1}) c
            LEFT JOIN users u ON u.id = c.sender_id
           ORDER BY x.reported_id, c.seq`.execute(ctx.db)
      ).rows
    : [];
  const byReported = new Map<string, ContextRow[]>();
  for (const c of context)
    byReported.set(c.reported_id, [...(byReported.get(c.reported_id) ?? []), c]);
  const items: ChatReportItem[] = page.map((r) => ({
    messageId: r.message_id,
    conversationId: r.conversation_id,
    participants: r.participants.map((p) => person(p.id, p.handle, p.display_name, p.deleted)),
    context: (byReported.get(r.message_id) ?? []).map((c) => ({
      id: c.id,
      seq: Number(c.seq),
      sender: person(c.sender_id, c.handle, c.display_name, c.sender_deleted ?? false),
      bodyHtml: c.deleted ? null : c.body_html,
      createdAt: c.created_at.toISOString(),
      reported: c.id === r.message_id,
    })),
    reports: r.reports.map((f) => ({
      id: f.id,
      reason: f.reason,
      note: f.note,
      reporter: person(f.reporter_id, f.handle, f.display_name),
      createdAt: new Date(f.created_at).toISOString(),
    })),
    firstReportedAt: r.first_at.toISOString(),
  }));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.first_key, last.message_id]) : null,
  };
}

/** Closes every open report of one message, in the moderation log. */
export async function resolveChatReports(
  ctx: AppContext,
  moderator: Viewer,
  messageId: string,
  reason: string | undefined,
): Promise<ModerationResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('chat_reports')
      .set({ status: 'resolved', resolved_at: sql`now()`, resolved_by: moderator.id })
      .where('message_id', '=', messageId)
      .where('status', '=', 'open')
      .returning('id')
      .execute();
    if (closed.length === 0) throw notFound('An open report of that message');
    const auditId = await logModeration(trx, moderator, {
      action: 'resolve_chat_report',
      targetType: 'chat_message',
      targetId: messageId,
      reason: reason ?? null,
      details: { reports: closed.length },
    });
    return { action: 'resolve_chat_report', auditId, closedFlags: closed.length };
  });
}
