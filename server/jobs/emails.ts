import { authEmails } from '../auth/emails';
import { chatEmails } from '../chat/unread-email';
import { digestEmails } from '../digests/email';
import type { EmailBuilder } from '../mail/outbox';
import { mentorshipEmails } from '../mentorships/emails';
import { notificationEmails } from '../notifications/emails';

/**
 * Every email template the mail worker knows, by the name jobs carry. A feature adds its
 * builders here.
 */
export const emailBuilders: Record<string, EmailBuilder> = {
  ...authEmails,
  ...mentorshipEmails,
  ...notificationEmails,
  ...digestEmails,
  ...chatEmails,
};
