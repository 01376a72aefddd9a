import { renderEmail } from '../mail/templates';
import type { MailMessage } from '../mail';

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
