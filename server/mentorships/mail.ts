import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { enqueueEmail } from '../mail/outbox';

/** Absolute link for an e-mail (built by the route from the request and PUBLIC_URL). */
export type Links = (path: string) => string;

/**
 * The mentorship e-mail is a durable job enqueued in the transaction of the change (a request
 * rolled back sends nothing); its builder in ./emails.ts re-reads the request at send time.
 */
export function mailAbout(
  trx: Transaction<DB>,
  template: 'mentorship_request' | 'mentorship_accepted',
  requestId: string,
  links: Links,
): Promise<string> {
  return enqueueEmail(trx, { template, ids: { requestId }, base: links('/') });
}
