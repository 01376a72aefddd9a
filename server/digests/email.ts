import { sql } from 'kysely';
import type { Db } from '../db';
import type { EmailBuilder } from '../mail/outbox';
import { jobUrl } from '../mail/templates';
import { unsubscribeParts } from '../notifications/unsubscribe';
import type { DigestContent } from './content';
import { renderDigest } from './render';

interface DigestRow {
  user_id: string;
  period: string;
  content: unknown;
  email: string | null;
  email_verified_at: Date | null;
  deleted_at: Date | null;
  digest_frequency: string | null;
}

/**
 * The mail worker runs a batch of mail jobs at once (server/jobs/index.ts); the digests among
 * them are read with ONE query: every look-up made in the same turn of the event loop waits
 * for the next one and goes out together. 10,000 digests: 200 reads instead of 10,000.
 */
type Waiter = { resolve: (row: DigestRow | undefined) => void; reject: (err: unknown) => void };
const pending = new WeakMap<Db, Map<string, Waiter[]>>();

function loadDigest(db: Db, userId: string, period: string): Promise<DigestRow | undefined> {
  let batch = pending.get(db);
  if (!batch) {
    const waiting = (batch = new Map<string, Waiter[]>());
    pending.set(db, waiting);
    setImmediate(() => {
      pending.delete(db);
      const keys = [...waiting.keys()].map((k) => JSON.parse(k) as [string, string]);
      const settle = (fn: (w: Waiter, key: string) => void) => {
        for (const [key, ws] of waiting) for (const w of ws) fn(w, key);
      };
      db.selectFrom('digest_deliveries as d')
        .innerJoin('users as u', 'u.id', 'd.user_id')
        .leftJoin('notification_settings as s', 's.user_id', 'u.id')
        .select([
          'd.user_id',
          'd.period',
          'd.content',
          'u.email',
          'u.email_verified_at',
          'u.deleted_at',
          's.digest_frequency',
        ])
        .where(
          sql<boolean>`(d.user_id, d.period) IN (VALUES ${sql.join(
            keys.map(([u, p]) => sql`(${u}::uuid, ${p})`),
          )})`,
        )
        .execute()
        .then(
          (rows) => {
            const found = new Map(rows.map((r) => [JSON.stringify([r.user_id, r.period]), r]));
            settle((w, key) => w.resolve(found.get(key)));
          },
          (err: unknown) => settle((w) => w.reject(err)),
        );
    });
  }
  const key = JSON.stringify([userId, period]);
  return new Promise((resolve, reject) => {
    const ws = batch.get(key) ?? [];
    ws.push({ resolve, reject });
    batch.set(key, ws);
  });
}

/** The digest mail job: re-checks the person (gone, unverified, unsubscribed since) and renders. */
export const digestEmails: Record<string, EmailBuilder> = {
  async digest(ctx, job) {
    const { userId, period } = job.ids;
    if (!userId || !period) return { userId: null, skip: 'bad job' };
    const row = await loadDigest(ctx.db, userId, period);
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
