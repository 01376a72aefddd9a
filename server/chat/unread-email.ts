import { sql } from 'kysely';
import type PgBoss from 'pg-boss';
import type { AppContext } from '../context';
import type { Db } from '../db';
import type { Trx } from '../forum/author';
import { enqueue } from '../jobs/enqueue';
import { enqueueEmail, type EmailBuilder } from '../mail/outbox';
import { appUrl, renderEmail } from '../mail/templates';
import { emailUnreadOn } from './queries';
import { snippet } from './presenter';
import { unsubscribeParts } from '../notifications/unsubscribe';

/**
 * "Priya sent you 3 messages": a pg-boss job enqueued in the SAME transaction as the message
 * (a rolled-back send schedules nothing; a crash after commit still mails), delayed by
 * CHAT_EMAIL_DELAY_MINUTES. Its singletonKey (recipient + conversation) on a 'short' queue
 * keeps one waiting job per burst. The handler re-reads everything and, when the messages still
 * wait, enqueues the email on the app's durable mail queue (retries, Message-ID, delivery log)
 * in the transaction that marks them emailed; the `chat_unread` builder re-reads once more.
 */
export const CHAT_UNREAD_QUEUE = 'chat.unread-email';

export interface UnreadJob {
  conversationId: string;
  recipientId: string;
}

let queueReady = false;

export async function enqueueUnreadEmail(
  ctx: AppContext,
  trx: Db | Trx,
  job: UnreadJob,
): Promise<void> {
  // Jobs may not have run on this database yet (scripts, some tests): nothing to enqueue into.
  if (!queueReady) {
    // Two statements: naming a missing table would abort the caller's transaction.
    const { rows: found } = await sql<{ ok: boolean }>`
      SELECT to_regclass('pgboss.queue') IS NOT NULL AS ok`.execute(trx);
    const { rows } = found[0]?.ok
      ? await sql<{ ok: boolean }>`
          SELECT EXISTS (SELECT 1 FROM pgboss.queue WHERE name = ${CHAT_UNREAD_QUEUE}) AS ok`.execute(
          trx,
        )
      : { rows: [{ ok: false }] };
    if (!rows[0]?.ok) {
      ctx.logger.warn('chat email queue missing (jobs never started here); no unread email');
      return;
    }
    queueReady = true;
  }
  await enqueue(trx, CHAT_UNREAD_QUEUE, job, {
    singletonKey: `${job.recipientId}:${job.conversationId}`,
    startAfter: new Date(Date.now() + ctx.config.CHAT_EMAIL_DELAY_MINUTES * 60_000),
    retryLimit: 5,
    retryBackoff: true,
  });
}

/** Creates the queue (inside the jobs' set-up lock) and works it. */
export async function setUpChatJobs(boss: PgBoss): Promise<void> {
  if (!(await boss.getQueue(CHAT_UNREAD_QUEUE)))
    await boss.createQueue(CHAT_UNREAD_QUEUE, { name: CHAT_UNREAD_QUEUE, policy: 'short' });
}

export async function workChatJobs(ctx: AppContext, boss: PgBoss): Promise<void> {
  await boss.work<UnreadJob>(
    CHAT_UNREAD_QUEUE,
    { pollingIntervalSeconds: 1, batchSize: 5 },
    async (jobs) => {
      for (const job of jobs) await runUnreadEmail(ctx, job.data);
    },
  );
}

/**
 * Re-reads and decides. Nothing when: the messages were read meanwhile, the recipient has
 * the conversation open now, turned chat emails off, has no verified email, or was already
 * told about these messages. The participant row is locked while deciding, so two jobs of
 * one pair (a later burst) never mail the same messages twice.
 */
export async function runUnreadEmail(ctx: AppContext, job: UnreadJob): Promise<'sent' | string> {
  const log = ctx.logger.child({ job: CHAT_UNREAD_QUEUE, ...job });
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const me = await trx
      .selectFrom('conversation_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select([
        'p.last_read_seq',
        'p.emailed_seq',
        'u.email',
        'u.email_verified_at',
        'u.deleted_at',
        'u.display_name',
      ])
      .where('p.conversation_id', '=', job.conversationId)
      .where('p.user_id', '=', job.recipientId)
      .forUpdate('p')
      .executeTakeFirst();
    if (!me) return 'gone';
    // From here on a new message queues the next job (the row is locked until this commits,
    // so it sees what this job decides).
    await trx
      .updateTable('conversation_participants')
      .set({ email_job_at: null })
      .where('conversation_id', '=', job.conversationId)
      .where('user_id', '=', job.recipientId)
      .execute();
    if (me.deleted_at) return 'gone';
    if (!me.email || !me.email_verified_at) return 'unverified';
    if (!(await emailUnreadOn(trx, job.recipientId))) return 'turned off';
    const from = Math.max(Number(me.last_read_seq), Number(me.emailed_seq));
    const unread = await trx
      .selectFrom('chat_messages as m')
      .leftJoin('users as s', 's.id', 'm.sender_id')
      .select(['m.seq', 'm.body_md', 's.display_name'])
      .where('m.conversation_id', '=', job.conversationId)
      .where('m.seq', '>', String(from))
      .where('m.sender_id', 'is distinct from', job.recipientId)
      .where('m.deleted_at', 'is', null)
      .orderBy('m.seq')
      .execute();
    if (unread.length === 0) return 'read';
    const open = (await ctx.realtime?.chatRoomUsers(job.conversationId)) ?? [];
    if (open.includes(job.recipientId)) return 'chat open';
    await enqueueEmail(trx, {
      template: 'chat_unread',
      ids: {
        conversationId: job.conversationId,
        recipientId: job.recipientId,
        fromSeq: String(from),
        toSeq: String(unread.at(-1)!.seq),
      },
    });
    await trx
      .updateTable('conversation_participants')
      .set({ emailed_seq: unread.at(-1)!.seq })
      .where('conversation_id', '=', job.conversationId)
      .where('user_id', '=', job.recipientId)
      .execute();
    return 'sent';
  });
  log.info({ outcome }, 'chat unread email');
  return outcome;
}

/** Unread messages of a conversation for its recipient, in (fromSeq, toSeq], oldest first. */
function unreadBetween(
  db: Db | Trx,
  conversationId: string,
  recipientId: string,
  fromSeq: string,
  toSeq: string,
) {
  return db
    .selectFrom('chat_messages as m')
    .leftJoin('users as s', 's.id', 'm.sender_id')
    .select(['m.seq', 'm.body_md', 's.display_name'])
    .where('m.conversation_id', '=', conversationId)
    .where('m.seq', '>', fromSeq)
    .where('m.seq', '<=', toSeq)
    .where('m.sender_id', 'is distinct from', recipientId)
    .where('m.deleted_at', 'is', null)
    .orderBy('m.seq')
    .execute();
}

/**
 * The mail worker's builder: re-reads at send time, so a message read (or an account gone,
 * chat emails turned off) between the decision and the send sends nothing.
 */
export const chatEmails: Record<string, EmailBuilder> = {
  async chat_unread(ctx, job) {
    const { conversationId, recipientId, fromSeq, toSeq } = job.ids;
    if (!conversationId || !recipientId || !fromSeq || !toSeq)
      return { userId: null, skip: 'bad job' };
    const me = await ctx.db
      .selectFrom('conversation_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select([
        'p.last_read_seq',
        'u.email',
        'u.email_verified_at',
        'u.deleted_at',
        'u.display_name',
      ])
      .where('p.conversation_id', '=', conversationId)
      .where('p.user_id', '=', recipientId)
      .executeTakeFirst();
    if (!me || me.deleted_at || !me.email) return { userId: recipientId, skip: 'account gone' };
    if (!me.email_verified_at) return { userId: recipientId, skip: 'address not verified' };
    if (!(await emailUnreadOn(ctx.db, recipientId)))
      return { userId: recipientId, skip: 'turned off' };
    if (Number(me.last_read_seq) >= Number(toSeq))
      return { userId: recipientId, skip: 'already read' };
    const unread = await unreadBetween(ctx.db, conversationId, recipientId, fromSeq, toSeq);
    if (unread.length === 0) return { userId: recipientId, skip: 'already read' };
    const message = unreadEmail(ctx, {
      to: me.email,
      recipientName: me.display_name,
      senderName: unread[0]!.display_name ?? 'Your mentorship partner',
      conversationId,
      messages: unread.map((m) => m.body_md),
      unsubscribe: unsubscribeParts(ctx.config, job.base, recipientId, 'chat_message'),
    });
    return { userId: recipientId, message };
  },
};

/** The email itself: subject, text and HTML from the same pieces. */
export function unreadEmail(
  ctx: Pick<AppContext, 'config'>,
  o: {
    to: string;
    recipientName: string;
    senderName: string;
    conversationId: string;
    messages: string[];
    /** One-click unsubscribe (RFC 8058) and the footer links; absent in previews. */
    unsubscribe?: ReturnType<typeof unsubscribeParts>;
  },
) {
  const n = o.messages.length;
  const subject = `${o.senderName} sent you ${n === 1 ? 'a message' : `${n} messages`}`;
  const shown = o.messages.slice(-10).map((m) => `“${snippet(m, 600)}”`);
  const { html, text } = renderEmail({
    title: subject,
    greeting: `Hi ${o.recipientName},`,
    paragraphs: [
      `${o.senderName} wrote to you on Switchboard and you have not read it yet:`,
      ...shown,
      ...(n > shown.length ? [`…and ${n - shown.length} earlier.`] : []),
    ],
    action: {
      label: 'Open the conversation',
      url: appUrl(ctx.config, `/messages/${o.conversationId}`),
    },
    footer: [
      'You get this because “A chat message waiting for me” is set to email right away; Messages → settings turns it off too.',
    ],
    footerLinks: o.unsubscribe
      ? [
          { label: 'Notification settings', url: o.unsubscribe.preferencesUrl },
          { label: 'Unsubscribe from these emails', url: o.unsubscribe.url },
        ]
      : [],
  });
  return {
    to: o.to,
    subject,
    html,
    text,
    ...(o.unsubscribe ? { headers: o.unsubscribe.headers } : {}),
  };
}
