import type { Db } from '../db';
import { sendMail, type MailContext } from './index';
import type { EmailBuilder, EmailJob } from './outbox';

export type DeliveryStatus = 'sent' | 'failed' | 'skipped';

/**
 * An SMTP answer in the 5xx range is permanent (no such mailbox, policy): record it with the
 * server's words and do not retry. Everything else (refused, timeout, 4xx greylisting) is
 * temporary: thrown, so pg-boss retries it with backoff.
 */
export function isPermanentSmtpFailure(err: unknown): err is Error & { response?: string } {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Deterministic per job: a retry after an uncertain send carries the same Message-ID. */
export function messageIdFor(jobId: string, mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'switchboard.local';
  return `<${jobId}@${domain}>`;
}

async function record(
  db: Db,
  row: {
    jobId: string;
    template: string;
    userId: string | null;
    to?: string;
    status: DeliveryStatus;
    reason?: string;
    messageId?: string;
  },
): Promise<void> {
  await db
    .insertInto('email_deliveries')
    .values({
      job_id: row.jobId,
      template: row.template,
      user_id: row.userId,
      to_address: row.to ?? null,
      status: row.status,
      reason: row.reason?.slice(0, 1000) ?? null,
      message_id: row.messageId ?? null,
    })
    .onConflict((oc) => oc.column('job_id').doNothing())
    .execute();
}

/** Runs one mail job to its end (sent / failed / skipped), or throws for a retry. */
export async function deliverEmail(
  ctx: MailContext,
  builders: Record<string, EmailBuilder>,
  jobId: string,
  job: EmailJob,
  /**
   * The job's first run ever (pg-boss retryCount 0): nothing can have ended it yet, so the
   * look-up below is skipped — one query fewer per email, which a digest run of 10,000 feels.
   */
  opts: { firstRun?: boolean } = {},
): Promise<DeliveryStatus> {
  const done = opts.firstRun
    ? undefined
    : await ctx.db
        .selectFrom('email_deliveries')
        .select('status')
        .where('job_id', '=', jobId)
        .executeTakeFirst();
  if (done) return done.status as DeliveryStatus; // already ended (a re-run after a crash)
  const base = { jobId, template: job.template };
  const build = builders[job.template];
  if (!build) {
    await record(ctx.db, { ...base, userId: null, status: 'skipped', reason: 'unknown template' });
    return 'skipped';
  }
  const built = await build(ctx, job);
  if ('skip' in built) {
    await record(ctx.db, { ...base, userId: built.userId, status: 'skipped', reason: built.skip });
    return 'skipped';
  }
  const messageId = messageIdFor(jobId, ctx.config.MAIL_FROM);
  const to = built.message.to;
  try {
    await sendMail(ctx, { ...built.message, messageId });
  } catch (err) {
    if (!isPermanentSmtpFailure(err)) throw err;
    await record(ctx.db, {
      ...base,
      userId: built.userId,
      to,
      status: 'failed',
      reason: err.response ?? err.message,
      messageId,
    });
    ctx.logger.warn({ template: job.template, reason: err.response }, 'mail refused for good');
    return 'failed';
  }
  await record(ctx.db, { ...base, userId: built.userId, to, status: 'sent', messageId });
  return 'sent';
}
