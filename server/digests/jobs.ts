import type PgBoss from 'pg-boss';
import type { AppContext } from '../context';

/** Digest schedule and batch workers (filled in with the digests). */
export async function digestWorkers(
  _ctx: AppContext,
  _boss: PgBoss,
  _polling: { pollingIntervalSeconds: number },
): Promise<void> {}
