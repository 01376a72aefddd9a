import { sql } from 'kysely';
import type { z } from 'zod';
import type { EmailAdminPage, EmailFailure, emailAdminQuery } from '../../shared/api/email-admin';
import type { Db } from '../db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { microKey } from '../lib/paging';
import { MAIL_QUEUE } from './outbox';

/**
 * For admins: is email getting out? Three queries whatever the size of the table: counts per
 * status over the last 24 h (email_deliveries_recent_idx), one keyset page of failures
 * (email_deliveries_failed_idx), and the mail jobs waiting for a retry.
 */
export async function emailAdminPage(
  db: Db,
  q: z.output<typeof emailAdminQuery>,
): Promise<EmailAdminPage> {
  const before = decodeCursor(q.cursor, ['time', 'int']);
  const [counts, rows, retrying] = await Promise.all([
    db
      .selectFrom('email_deliveries')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('created_at', '>', sql<Date>`now() - interval '24 hours'`)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('email_deliveries')
      .select([
        sql<string>`id::text`.as('id'),
        'template',
        'to_address',
        'reason',
        'created_at',
        microKey('created_at').as('key'),
      ])
      .where('status', '=', 'failed')
      .$if(!!before, (qb) =>
        qb.where(
          sql<boolean>`(created_at, id) < (${before![0]}::timestamptz, ${before![1]}::bigint)`,
        ),
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute(),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job
      WHERE name = ${MAIL_QUEUE} AND state = 'retry'`.execute(db),
  ]);
  const last24h = { sent: 0, failed: 0, skipped: 0 };
  for (const c of counts) last24h[c.status as keyof typeof last24h] = c.n;
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    last24h,
    retrying: retrying.rows[0]?.n ?? 0,
    failures: page.map(presentFailure),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.key, Number(last.id)]) : null,
  };
}

export function presentFailure(r: {
  id: string;
  template: string;
  to_address: string | null;
  reason: string | null;
  created_at: Date;
}): EmailFailure {
  return {
    id: r.id,
    at: r.created_at.toISOString(),
    template: r.template,
    to: r.to_address === null ? null : maskAddress(r.to_address),
    reason: r.reason === null ? null : maskAddressesIn(r.reason),
  };
}

/**
 * maya.asker@example.com -> m***@example.com: enough for an admin to tell a provider's
 * outage (every failure at one domain) from one dead mailbox, without a list of addresses.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...address.slice(0, at)][0]}***${address.slice(at)}`;
}

/** SMTP servers often quote the recipient ("550 5.1.1 <maya@example.com>: no such user"). */
export function maskAddressesIn(text: string): string {
  return text.replace(/[^\s<>"'(),;:@]+@[A-Za-z0-9.-]+/g, (a) => maskAddress(a));
}
