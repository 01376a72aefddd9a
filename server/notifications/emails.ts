import type { EmailBuilder } from '../mail/outbox';

/** Immediate notification emails (mentions); filled in with the notification kinds. */
export const notificationEmails: Record<string, EmailBuilder> = {};
