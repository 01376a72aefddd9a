/**
 * Flags and moderation API contract. Moderator endpoints answer 403 to everyone else.
 *
 *   POST /api/flags                                  flagInput -> 201 FlagResult (any member; once per item)
 *   GET  /api/moderation/flags?cursor=&limit=                  -> Page<QueueItem> (open flags grouped by item, oldest first)
 *   POST /api/moderation/flags/dismiss               targetInput -> ModerationResult (closes the item's open flags)
 *   POST /api/moderation/hide                        targetInput -> ModerationResult (content replaced by a notice)
 *   POST /api/moderation/restore                     targetInput -> ModerationResult (undo hide)
 *   POST /api/moderation/threads/:id/lock            reasonInput -> ModerationResult (no new replies or edits)
 *   POST /api/moderation/threads/:id/unlock          reasonInput -> ModerationResult
 *   POST /api/moderation/users/:id/suspend           suspendInput -> ModerationResult (ends their sessions)
 *   POST /api/moderation/users/:id/unsuspend         reasonInput -> ModerationResult
 *   GET  /api/moderation/audit?cursor=&limit=&moderator=&targetId=  -> Page<AuditEntry> (newest first)
 *   GET  /api/moderation/chat-reports?cursor=&limit=           -> Page<ChatReportItem> (open, oldest first)
 *   POST /api/moderation/chat-reports/:id/resolve    reasonInput -> ModerationResult (closes every open
 *                                                    report of that message)
 */
import { z } from 'zod';
import type { Page, UserRef } from './threads';
import { pageCursor, pageLimit } from './paging';

export const flagReasons = ['spam', 'abuse', 'off-topic', 'other'] as const;
export type FlagReason = (typeof flagReasons)[number];
export const flagReasonLabels: Record<FlagReason, string> = {
  spam: 'Spam or advertising',
  abuse: 'Abusive or harassing',
  'off-topic': 'Off-topic for Switchboard',
  other: 'Something else',
};

const note = z
  .string()
  .transform((s) => s.replaceAll('\u0000', '').trim())
  .pipe(z.string().max(500, { message: 'must be at most 500 characters' }));

export const targetTypes = ['thread', 'reply'] as const;
export type TargetType = (typeof targetTypes)[number];

export const targetInput = z.object({
  targetType: z.enum(targetTypes, { message: 'must be thread or reply' }),
  targetId: z.guid({ message: 'is not a valid id' }),
  /** Optional for moderators' own actions; shown in the audit log. */
  reason: note.optional(),
});
export type TargetInput = z.input<typeof targetInput>;

export const flagInput = z
  .object({
    targetType: z.enum(targetTypes, { message: 'must be thread or reply' }),
    targetId: z.guid({ message: 'is not a valid id' }),
    reason: z.enum(flagReasons, { message: 'must be spam, abuse, off-topic or other' }),
    note: note.optional(),
  })
  .refine((f) => f.reason !== 'other' || (f.note ?? '').length > 0, {
    message: 'tell the moderators what is wrong',
    path: ['note'],
  });
export type FlagInput = z.input<typeof flagInput>;

export const reasonInput = z.object({ reason: note.optional() });

export const suspendInput = z.object({
  /** Whole days, 1–3650. */
  days: z.coerce
    .number({ message: 'must be a number of days' })
    .int({ message: 'must be a whole number of days' })
    .min(1, { message: 'must be between 1 and 3650 days' })
    .max(3650, { message: 'must be between 1 and 3650 days' }),
  reason: note.pipe(z.string().min(1, { message: 'is required for a suspension' })),
});
export type SuspendInput = z.input<typeof suspendInput>;

export const queueQuery = z.object({
  cursor: pageCursor(400),
  limit: pageLimit(100, 25),
});

export const auditQuery = queueQuery.extend({
  moderator: z.guid({ message: 'is not a valid id' }).optional(),
  targetId: z.guid({ message: 'is not a valid id' }).optional(),
});

export interface FlagResult {
  id: string;
  /** false when you had already flagged this item (the first flag stands). */
  created: boolean;
}

export interface QueueItem {
  target: {
    type: TargetType;
    id: string;
    threadId: string;
    threadTitle: string;
    /** Full rendered body (so moderators judge in context) and a short excerpt. */
    bodyHtml: string;
    excerpt: string;
    author: UserRef & { suspendedUntil: string | null; karma: number };
    createdAt: string;
    hidden: boolean;
    deleted: boolean;
    threadLocked: boolean;
    /** /q/:threadId or /q/:threadId/r/:replyId */
    url: string;
    /** For a reply: its parent's excerpt (or the thread's), for context. */
    parentExcerpt: string | null;
  };
  flags: {
    id: string;
    reason: FlagReason;
    note: string | null;
    reporter: UserRef;
    createdAt: string;
  }[];
  firstFlaggedAt: string;
}

export type ModerationAction =
  | 'dismiss_flags'
  | 'hide'
  | 'restore'
  | 'lock'
  | 'unlock'
  | 'suspend'
  | 'unsuspend'
  /** A moderator edited or deleted someone else's post through the normal endpoints. */
  | 'edit'
  | 'delete'
  | 'resolve_chat_report';

export interface ModerationResult {
  action: ModerationAction;
  auditId: string;
  /** Flags closed by this action. */
  closedFlags: number;
  /** suspend: until when; unsuspend: null. */
  suspendedUntil?: string | null;
  /** suspend: sessions that were ended. */
  endedSessions?: number;
}

export interface AuditEntry {
  id: string;
  action: ModerationAction;
  moderator: UserRef;
  targetType: TargetType | 'user' | 'chat_message';
  targetId: string;
  threadId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export type QueuePage = Page<QueueItem>;
export type AuditPage = Page<AuditEntry>;

export const chatReportsQuery = queueQuery;

/**
 * A reported chat message as moderators see it: the message and the five before it in its
 * conversation, nothing else of the conversation (it is private to its two participants).
 */
export interface ChatReportItem {
  /** The message reported (every open report of it is listed under `reports`). */
  messageId: string;
  conversationId: string;
  participants: UserRef[];
  /** Oldest first; the last one is the reported message. */
  context: {
    id: string;
    seq: number;
    sender: UserRef;
    /** null when the sender deleted it. */
    bodyHtml: string | null;
    createdAt: string;
    reported: boolean;
  }[];
  reports: {
    id: string;
    reason: string;
    note: string | null;
    reporter: UserRef;
    createdAt: string;
  }[];
  firstReportedAt: string;
}

export type ChatReportPage = Page<ChatReportItem>;
