/**
 * In-app notifications: the API contract. Every path is under /api and needs a signed-in viewer.
 *
 *   GET  /notifications?cursor&limit&unread=true   -> Page<NotificationItem> (newest first, by key)
 *   GET  /notifications/unread-count               -> { unread: number }
 *   POST /notifications/read        markReadInput  -> { unread: number }  (ids, or all: true)
 *
 * Each item carries `text` and `url` built by `describeNotification`, so the bell, the
 * /mentorships page and later e-mail digests word a notification the same way.
 */
import { z } from 'zod';
import { declineReasonLabel } from './mentorships';
import { pageCursor, pageLimit } from './paging';

export const notificationListQuery = z.object({
  cursor: pageCursor(100),
  limit: pageLimit(50, 20),
  unread: z.enum(['true', 'false'], { message: 'must be true or false' }).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const markReadInput = z.union(
  [
    z.object({
      ids: z
        .array(z.string().regex(/^\d{1,18}$/, { message: 'must be notification ids' }), {
          message: 'must be a list of notification ids',
        })
        .min(1, { message: 'needs at least one id' })
        .max(100, { message: 'at most 100 ids at a time' }),
    }),
    z.object({ all: z.literal(true, { message: 'must be true' }) }),
  ],
  { message: 'send {ids: [...]} or {all: true}' },
);
export type MarkReadInput = z.input<typeof markReadInput>;

interface Person {
  handle: string;
  displayName: string;
}

/** What each kind carries. Payloads hold ids and names only, never e-mail addresses. */
export interface NotificationPayloads {
  question_match: { threadId: string; title: string; asker: Person | null; reasons: string[] };
  mentorship_requested: { requestId: string; asker: Person };
  mentorship_accepted: { requestId: string; mentorshipId: string; mentor: Person };
  mentorship_declined: { requestId: string; mentor: Person; reason: string };
  mentorship_expired: { requestId: string; mentor: Person };
  mentorship_ended: { mentorshipId: string; by: Person };
  mentor_paused: { reason: 'expired_requests'; expiredCount: number };
  reply_to_thread: PostPayload;
  reply_to_reply: PostPayload;
  mention: PostPayload;
  followed_activity: PostPayload;
  helped: Omit<PostPayload, 'excerpt'>;
}

/** A post that concerns someone: where it is (exact reply), who wrote it, one line of it. */
interface PostPayload {
  threadId: string;
  replyId?: string;
  title: string;
  by: Person;
  excerpt: string;
}
export type NotificationKind = keyof NotificationPayloads;

export interface NotificationItem {
  id: string;
  kind: NotificationKind | string;
  payload: Record<string, unknown>;
  text: string;
  url: string;
  readAt: string | null;
  createdAt: string;
}

const who = (p: unknown) => (p as Person | undefined)?.displayName ?? 'Someone';
const postUrl = (p: Record<string, unknown>) =>
  p.replyId ? `/q/${String(p.threadId)}/r/${String(p.replyId)}` : `/q/${String(p.threadId)}`;
const titled = (p: Record<string, unknown>) => `“${String(p.title ?? '')}”`;

/** One sentence and a link per notification; unknown kinds still render. */
export function describeNotification(
  kind: string,
  payload: Record<string, unknown>,
): { text: string; url: string } {
  switch (kind) {
    case 'question_match':
      return {
        text: `A question matches your switch: “${String(payload.title ?? '')}”`,
        url: `/q/${String(payload.threadId)}`,
      };
    case 'mentorship_requested':
      return {
        text: `${who(payload.asker)} asked you for a mentorship`,
        url: '/mentorships#received',
      };
    case 'mentorship_accepted':
      return {
        text: `${who(payload.mentor)} accepted your mentorship request`,
        url: '/mentorships#active',
      };
    case 'mentorship_declined':
      return {
        text: `${who(payload.mentor)} declined your request (${declineReasonLabel(String(payload.reason)).toLowerCase()})`,
        url: '/mentorships#sent',
      };
    case 'mentorship_expired':
      return {
        text: `Your request to ${who(payload.mentor)} expired without an answer; you can ask another mentor`,
        url: '/mentors',
      };
    case 'mentorship_ended':
      return { text: `${who(payload.by)} ended your mentorship`, url: '/mentorships#past' };
    case 'mentor_paused':
      return {
        text: `Your last ${String(payload.expiredCount ?? 3)} mentorship requests expired, so we paused new requests. Resume on your Mentorships page`,
        url: '/mentorships#pause',
      };
    case 'reply_to_thread':
      return {
        text: `${who(payload.by)} replied to your question ${titled(payload)}`,
        url: postUrl(payload),
      };
    case 'reply_to_reply':
      return {
        text: `${who(payload.by)} replied to your reply in ${titled(payload)}`,
        url: postUrl(payload),
      };
    case 'mention':
      return {
        text: `${who(payload.by)} mentioned you in ${titled(payload)}`,
        url: postUrl(payload),
      };
    case 'followed_activity':
      return {
        text: `${who(payload.by)} replied in ${titled(payload)}, a thread you follow`,
        url: postUrl(payload),
      };
    case 'helped':
      return {
        text: `${who(payload.by)} marked your reply in ${titled(payload)} as “this helped me”`,
        url: postUrl(payload),
      };
    default:
      return { text: 'You have a new notification', url: '/mentorships' };
  }
}
