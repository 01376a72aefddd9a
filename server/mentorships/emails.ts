import type { MailMessage } from '../mail';
import { renderEmail } from '../mail/templates';

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
