import type { MailContext, MailMessage } from '../mail';
import type { EmailBuilder } from '../mail/outbox';
import { jobUrl, renderEmail } from '../mail/templates';
import { wantsEmailNow } from '../notifications/preferences';

/**
 * The only two immediate mentorship e-mails (everything else waits for the digest): a new
 * request, to the mentor, and an acceptance, to the asker. Plain functions of their inputs.
 */
export function requestEmail(
  to: string,
  o: { mentorName: string; askerName: string; message: string; ttlDays: number; url: string },
): MailMessage {
  const excerpt = o.message.length > 600 ? `${o.message.slice(0, 600)}…` : o.message;
  return {
    to,
    subject: `${o.askerName} asked you for a mentorship on Switchboard`,
    ...renderEmail({
      title: `${o.askerName} would like you as a mentor`,
      greeting: `Hi ${o.mentorName},`,
      paragraphs: [
        `${o.askerName} read your switch story and sent you a mentorship request:`,
        `“${excerpt}”`,
        `Please accept or decline within ${o.ttlDays} days; after that the request expires and ${o.askerName} is told.`,
      ],
      action: { label: 'Answer the request', url: o.url },
      footer: [
        'You get this e-mail because someone asked you for a mentorship. Other updates wait for your digest.',
      ],
    }),
  };
}

export function acceptedEmail(
  to: string,
  o: { askerName: string; mentorName: string; url: string },
): MailMessage {
  return {
    to,
    subject: `${o.mentorName} accepted your mentorship request`,
    ...renderEmail({
      title: `${o.mentorName} is your mentor now`,
      greeting: `Hi ${o.askerName},`,
      paragraphs: [
        `Good news: ${o.mentorName} accepted your mentorship request on Switchboard.`,
        'Open your mentorships to see it and say hello.',
      ],
      action: { label: 'Open my mentorships', url: o.url },
      footer: ['You get this e-mail because a mentor accepted your request.'],
    }),
  };
}

/** Re-reads the request and both people at send time (the job carries the request id only). */
async function requestWithPeople(ctx: MailContext, requestId: string | undefined) {
  if (!requestId) return undefined;
  return ctx.db
    .selectFrom('mentorship_requests as r')
    .innerJoin('users as a', 'a.id', 'r.asker_id')
    .innerJoin('users as m', 'm.id', 'r.mentor_id')
    .select([
      'r.status',
      'r.message',
      'a.id as askerId',
      'a.display_name as askerName',
      'a.email as askerEmail',
      'a.email_verified_at as askerVerified',
      'a.deleted_at as askerDeleted',
      'm.id as mentorId',
      'm.display_name as mentorName',
      'm.email as mentorEmail',
      'm.email_verified_at as mentorVerified',
      'm.deleted_at as mentorDeleted',
    ])
    .where('r.id', '=', requestId)
    .executeTakeFirst();
}

const unreachable = (email: string | null, verified: unknown, deleted: unknown) =>
  !email ? 'no address' : deleted ? 'account deleted' : !verified ? 'address not verified' : null;

export const mentorshipEmails: Record<string, EmailBuilder> = {
  async mentorship_request(ctx, job) {
    const r = await requestWithPeople(ctx, job.ids.requestId);
    if (!r) return { userId: null, skip: 'request gone' };
    const why = unreachable(r.mentorEmail, r.mentorVerified, r.mentorDeleted);
    if (why) return { userId: r.mentorId, skip: why };
    if (r.status !== 'open') return { userId: r.mentorId, skip: `request already ${r.status}` };
    if (!(await wantsEmailNow(ctx.db, r.mentorId, 'mentorship_requested')))
      return { userId: r.mentorId, skip: 'kind not emailed' };
    return {
      userId: r.mentorId,
      message: requestEmail(r.mentorEmail!, {
        mentorName: r.mentorName,
        askerName: r.askerName,
        message: r.message,
        ttlDays: ctx.config.MENTORSHIP_REQUEST_TTL_DAYS,
        url: jobUrl(ctx.config, job.base, '/mentorships#received'),
      }),
    };
  },
  async mentorship_accepted(ctx, job) {
    const r = await requestWithPeople(ctx, job.ids.requestId);
    if (!r) return { userId: null, skip: 'request gone' };
    const why = unreachable(r.askerEmail, r.askerVerified, r.askerDeleted);
    if (why) return { userId: r.askerId, skip: why };
    if (!(await wantsEmailNow(ctx.db, r.askerId, 'mentorship_accepted')))
      return { userId: r.askerId, skip: 'kind not emailed' };
    return {
      userId: r.askerId,
      message: acceptedEmail(r.askerEmail!, {
        askerName: r.askerName,
        mentorName: r.mentorName,
        url: jobUrl(ctx.config, job.base, '/mentorships#active'),
      }),
    };
  },
};
