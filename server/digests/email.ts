import type { EmailBuilder } from '../mail/outbox';
import { jobUrl } from '../mail/templates';
import { unsubscribeParts } from '../notifications/unsubscribe';
import type { DigestContent } from './content';
import { renderDigest } from './render';

/** The digest mail job: re-checks the person (gone, unverified, unsubscribed since) and renders. */
export const digestEmails: Record<string, EmailBuilder> = {
  async digest(ctx, job) {
    const { userId, period } = job.ids;
    if (!userId || !period) return { userId: null, skip: 'bad job' };
    const row = await ctx.db
      .selectFrom('digest_deliveries as d')
      .innerJoin('users as u', 'u.id', 'd.user_id')
      .leftJoin('notification_settings as s', 's.user_id', 'u.id')
      .select(['d.content', 'u.email', 'u.email_verified_at', 'u.deleted_at', 's.digest_frequency'])
      .where('d.user_id', '=', userId)
      .where('d.period', '=', period)
      .executeTakeFirst();
    if (!row?.content) return { userId, skip: 'digest gone' };
    if (!row.email || row.deleted_at) return { userId, skip: 'account gone' };
    if (!row.email_verified_at) return { userId, skip: 'address not verified' };
    if (row.digest_frequency === 'never') return { userId, skip: 'unsubscribed from the digest' };
    const unsub = unsubscribeParts(ctx.config, job.base, userId, 'digest');
    const { subject, html, text } = renderDigest(
      row.content as unknown as DigestContent,
      (path) => jobUrl(ctx.config, job.base, path),
      { preferencesUrl: unsub.preferencesUrl, unsubscribeUrl: unsub.url },
    );
    return { userId, message: { to: row.email, subject, html, text, headers: unsub.headers } };
  },
};
