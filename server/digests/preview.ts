import { sql } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../db';
import { catchMail } from '../mail/catcher';
import { appUrl } from '../mail/templates';
import { unsubscribeParts } from '../notifications/unsubscribe';
import { buildDigestBatch } from './build';
import type { DigestContent } from './content';
import { renderDigest } from './render';

class Rollback extends Error {}

/**
 * What this person's digest would say now, built by the very code the scheduler runs — inside
 * a transaction that is then rolled back, so a preview claims, marks and enqueues nothing.
 * The rendered message goes to the local catcher (/dev/mail) as well.
 */
export async function previewDigest(
  db: Db,
  config: Config,
  handle: string,
  weekly: boolean,
): Promise<{ subject: string; text: string; html: string; to: string } | { none: string }> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where(sql`lower(handle)`, '=', handle.replace(/^@/, '').toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user?.email) return { none: `No account with the handle "${handle}".` };
  const period = `${weekly ? 'weekly' : 'daily'}:preview`;
  let content: DigestContent | null = null;
  await db
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('digest_deliveries')
        .values({
          user_id: user.id,
          period,
          since: new Date(Date.now() - (weekly ? 7 : 1) * 86_400_000),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      await buildDigestBatch(trx, { DIGEST_ACTIVE_HOURS: 0 }, [{ userId: user.id, period }]);
      const row = await trx
        .selectFrom('digest_deliveries')
        .select('content')
        .where('user_id', '=', user.id)
        .where('period', '=', period)
        .executeTakeFirst();
      content = (row?.content ?? null) as DigestContent | null;
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  if (!content)
    return { none: `@${handle} has nothing for a digest right now (it would not be sent).` };
  const base = appUrl(config, '/');
  const unsub = unsubscribeParts(config, base, user.id, 'digest');
  const msg = renderDigest(content, (p) => new URL(p, base).toString(), {
    preferencesUrl: unsub.preferencesUrl,
    unsubscribeUrl: unsub.url,
  });
  await catchMail(db, { ...msg, from: config.MAIL_FROM, to: user.email, raw: msg.text });
  return { ...msg, to: user.email };
}
