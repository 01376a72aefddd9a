import type { EmailFailure } from '../../../../shared/api/email-admin';
import { timeAgo } from '../../lib/time';

const templateLabels: Record<string, string> = {
  verify_email: 'Email confirmation',
  reset_password: 'Password reset',
  already_registered: 'Already registered',
  mentorship_request: 'Mentorship request',
  mentorship_accepted: 'Mentorship accepted',
  notification: 'Notification',
  digest: 'Digest',
  chat_unread: 'Unread chat',
};

export const templateLabel = (t: string) => templateLabels[t] ?? t.replace(/_/g, ' ');

const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The failures as a table on wide screens; below 600 px each row stacks into a card whose
 * cells carry their column name (data-label), so nothing scrolls sideways at 375 px.
 */
export function EmailFailuresTable({ failures }: { failures: EmailFailure[] }) {
  return (
    <table className="email-failures">
      <caption className="visually-hidden">Emails refused for good, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Email</th>
          <th scope="col">To</th>
          <th scope="col">What the mail server said</th>
        </tr>
      </thead>
      <tbody>
        {failures.map((f) => (
          <tr key={f.id}>
            <td data-label="When">
              <time dateTime={f.at} title={full.format(new Date(f.at))}>
                {timeAgo(f.at)}
              </time>
            </td>
            <td data-label="Email">{templateLabel(f.template)}</td>
            <td data-label="To" className="email-to">
              {f.to ?? '—'}
            </td>
            <td data-label="Reason" className="email-reason">
              {f.reason ?? '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
