import { describeNotification } from '../../shared/api/notifications';
import { categories, categoryOf } from '../../shared/api/notification-settings';
import type { EmailBuilder } from '../mail/outbox';
import { jobUrl, renderEmail } from '../mail/templates';
import { channelsOf } from './preferences';
import { unsubscribeParts } from './unsubscribe';

/**
 * "Email right away" for a notification (a mention, a reply, …). Re-read at send time: not
 * sent if it was read in the meantime, the kind was turned away from email, the account is
 * gone or its address unverified.
 */
export const notificationEmails: Record<string, EmailBuilder> = {
  async notification(ctx, job) {
    const id = job.ids.notificationId;
    const n = id
      ? await ctx.db
          .selectFrom('notifications as n')
          .innerJoin('users as u', 'u.id', 'n.user_id')
          .select([
            'n.kind',
            'n.payload',
            'n.read_at',
            'u.id as userId',
            'u.email',
            'u.email_verified_at',
            'u.deleted_at',
            'u.display_name',
          ])
          .where('n.id', '=', id)
          .executeTakeFirst()
      : undefined;
    if (!n) return { userId: null, skip: 'notification gone' };
    if (!n.email || n.deleted_at) return { userId: n.userId, skip: 'account gone' };
    if (!n.email_verified_at) return { userId: n.userId, skip: 'address not verified' };
    if (n.read_at) return { userId: n.userId, skip: 'already read' };
    const category = categoryOf(n.kind);
    if (!category || (await channelsOf(ctx.db, n.userId))[category] !== 'email')
      return { userId: n.userId, skip: 'kind not emailed' };
    const payload = (n.payload ?? {}) as Record<string, unknown>;
    const { text, url } = describeNotification(n.kind, payload);
    const unsub = unsubscribeParts(ctx.config, job.base, n.userId, category);
    const excerpt =
      typeof payload.excerpt === 'string' && payload.excerpt ? [`“${payload.excerpt}”`] : [];
    return {
      userId: n.userId,
      message: {
        to: n.email,
        subject: text,
        headers: unsub.headers,
        ...renderEmail({
          title: text,
          greeting: `Hi ${n.display_name},`,
          paragraphs: excerpt,
          action: { label: 'Open it on Switchboard', url: jobUrl(ctx.config, job.base, url) },
          footer: [
            `You get this because “${categories[category].label}” is set to email right away.`,
          ],
          footerLinks: [
            { label: 'Notification settings', url: unsub.preferencesUrl },
            { label: 'Unsubscribe from these emails', url: unsub.url },
          ],
        }),
      },
    };
  },
};
