import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types';
import { enqueue, enqueueMany } from '../jobs/enqueue';
import type { MailContext, MailMessage } from './index';

/**
 * Durable email: every message the app sends is a pg-boss job on the `mail.send` queue,
 * enqueued with `enqueueEmail(trx, {...})` INSIDE the transaction of the change that causes it.
 * The job carries ids only; the template's builder (server/jobs/emails.ts) re-reads at send
 * time and may skip (account deleted, kind turned off, already read, address unverified).
 */
export const MAIL_QUEUE = 'mail.send';

export interface EmailJob {
  /** A key of the builders map in server/jobs/emails.ts, e.g. 'verify_email'. */
  template: string;
  /** Row ids the builder re-reads, e.g. { userId } or { requestId }. */
  ids: Record<string, string>;
  /** Origin for links when PUBLIC_URL is unset (the host the request came to, outside production). */
  base?: string;
}

export function enqueueEmail(
  db: Kysely<DB> | Transaction<DB>,
  job: EmailJob,
  options: { singletonKey?: string; startAfter?: Date } = {},
): Promise<string> {
  return enqueue(db, MAIL_QUEUE, job, options);
}

/** Many emails in one INSERT (no query per person). */
export function enqueueEmails(db: Kysely<DB> | Transaction<DB>, jobs: EmailJob[]): Promise<void> {
  return enqueueMany(db, MAIL_QUEUE, jobs);
}

/** What a builder returns: the message to send, or why nothing is sent. */
export type Built =
  { userId: string | null; message: MailMessage } | { userId: string | null; skip: string };

export type EmailBuilder = (ctx: MailContext, job: EmailJob) => Promise<Built>;
