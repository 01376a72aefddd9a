import type PgBoss from 'pg-boss';
import type { AppContext } from '../context';
import { workEagerly } from '../jobs/eager';
import { enqueueMany } from '../jobs/enqueue';
import { buildDigestBatch, type DigestKey } from './build';
import { claimDueDigests, nextWindow } from './claim';

const SCHEDULE = 'digest.schedule';
const BATCH = 'digest.batch';

/**
 * Every 15 minutes (pg-boss cron, once across the cluster): claim the digests due since the
 * last run and enqueue their batches — claims and batch jobs in one transaction, so a crash
 * leaves either both or neither. Batches run on any instance.
 */
export async function runDigestSchedule(ctx: Pick<AppContext, 'db' | 'config'>, now = new Date()) {
  return ctx.db.transaction().execute(async (trx) => {
    const { from, to } = await nextWindow(trx, now);
    const claimed = await claimDueDigests(trx, from, to);
    const size = ctx.config.DIGEST_BATCH_SIZE;
    const batches: { keys: DigestKey[] }[] = [];
    for (let i = 0; i < claimed.length; i += size)
      batches.push({
        keys: claimed.slice(i, i + size).map((c) => ({ userId: c.user_id, period: c.period })),
      });
    await enqueueMany(trx, BATCH, batches);
    return { from, to, claimed: claimed.length, batches: batches.length };
  });
}

export async function digestWorkers(
  ctx: AppContext,
  boss: PgBoss,
  polling: { pollingIntervalSeconds: number },
): Promise<void> {
  await boss.work(SCHEDULE, polling, async () => {
    const r = await runDigestSchedule(ctx);
    if (r.claimed) ctx.logger.info(r, 'digests claimed');
  });
  // One batch after another while there are any (a run's batches are queued together).
  await workEagerly<{ keys: DigestKey[] }>(boss, BATCH, polling, async ([job]) => {
    const r = await ctx.db
      .transaction()
      .execute((trx) => buildDigestBatch(trx, ctx.config, job!.data.keys));
    ctx.logger.debug(r, 'digest batch built');
  });
}
