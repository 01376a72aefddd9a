import type { MailContext, MailMessage } from '../mail';
import type { EmailBuilder } from '../mail/outbox';
import { jobUrl, renderEmail } from '../mail/templates';
import { findUserByEmail } from './queries';
import { issueToken } from './tokens';

/** The auth emails. Each is a plain function of its inputs; ../mail sends them. */
export function verifyEmailMessage(to: string, name: string, url: string): MailMessage {
  return {
    to,
    subject: 'Confirm your email for Switchboard',
    ...renderEmail({
      title: 'Confirm your email address',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Welcome to Switchboard. Please confirm that this is your email address so we can send you replies, mentorship requests and (if you want them) digests.',
      ],
      action: { label: 'Confirm my email', url },
      footer: [
        'This link works once and expires in 24 hours.',
        'If you did not create a Switchboard account, ignore this email; nothing happens without a click.',
      ],
    }),
  };
}

export function resetPasswordMessage(to: string, name: string, url: string): MailMessage {
  return {
    to,
    subject: 'Reset your Switchboard password',
    ...renderEmail({
      title: 'Reset your password',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Someone (hopefully you) asked to reset the password of your Switchboard account.',
      ],
      action: { label: 'Choose a new password', url },
      footer: [
        'This link works once and expires in 1 hour. Choosing a new password signs you out everywhere else.',
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ],
    }),
  };
}

/** Sent instead of a second account when someone signs up with an address already in use. */
export function alreadyRegisteredMessage(
  to: string,
  name: string,
  signInUrl: string,
  resetUrl: string,
): MailMessage {
  return {
    to,
    subject: 'You already have a Switchboard account',
    ...renderEmail({
      title: 'You already have an account',
      greeting: `Hi ${name},`,
      paragraphs: [
        'Someone just tried to create a Switchboard account with this email address. It already belongs to an account, so nothing was created.',
        `If it was you, sign in at ${signInUrl}, or reset your password if you forgot it.`,
      ],
      action: { label: 'Reset my password', url: resetUrl },
      footer: ['If it was not you, ignore this email; your account is unchanged.'],
    }),
  };
}

/**
 * Builders for the durable mail jobs (server/mail/outbox.ts): re-read the account at send time.
 * The one-time token is issued here, when the email is really built, so no secret sits in the
 * job table; a newer token voids older ones, so the last email sent is the link that works.
 */
async function account(ctx: MailContext, userId: string | undefined) {
  if (!userId) return undefined;
  return ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'email_verified_at', 'deleted_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export const authEmails: Record<string, EmailBuilder> = {
  async verify_email(ctx, job) {
    const user = await account(ctx, job.ids.userId);
    if (!user?.email || user.deleted_at) return { userId: null, skip: 'account gone' };
    if (user.email_verified_at) return { userId: user.id, skip: 'already verified' };
    const token = await issueToken(ctx.db, user.id, 'verify_email', user.email);
    const url = jobUrl(ctx.config, job.base, `/verify-email?token=${token}`);
    return { userId: user.id, message: verifyEmailMessage(user.email, user.display_name, url) };
  },
  async reset_password(ctx, job) {
    // A reset request carries the address as typed: whether it names an account is decided
    // here, off the request, so the answer and its timing say nothing about who is registered.
    const userId = job.ids.email
      ? (await findUserByEmail(ctx.db, job.ids.email))?.id
      : job.ids.userId;
    const user = await account(ctx, userId);
    if (!user?.email || user.deleted_at) return { userId: null, skip: 'account gone' };
    const token = await issueToken(ctx.db, user.id, 'reset_password', user.email);
    const url = jobUrl(ctx.config, job.base, `/reset-password?token=${token}`);
    return { userId: user.id, message: resetPasswordMessage(user.email, user.display_name, url) };
  },
  async already_registered(ctx, job) {
    const user = await account(ctx, job.ids.userId);
    if (!user?.email || user.deleted_at) return { userId: null, skip: 'account gone' };
    return {
      userId: user.id,
      message: alreadyRegisteredMessage(
        user.email,
        user.display_name,
        jobUrl(ctx.config, job.base, '/sign-in'),
        jobUrl(ctx.config, job.base, '/forgot-password'),
      ),
    };
  },
};
