import PgBoss from 'pg-boss';
import type { AppContext } from '../context';
import { expireDueRequests } from '../mentorships/expiry';

/**
 * Background jobs: ONE pg-boss instance per process, on the app's own pool, its schema
 * ("pgboss") created and migrated by pg-boss itself. Several instances share the work through
 * Postgres: a cron schedule fires once per minute across the cluster, each job runs once.
 *
 * Jobs carry ids only; handlers re-read what they need. Add a job by adding a queue below.
 */
export const queues = {
  /** Expire unanswered mentorship requests and auto-pause silent mentors. */
  expireRequests: 'mentorships.expire-requests',
} as const;

const JOBS_SETUP_LOCK = 724_200; // pg_advisory_lock key, one per purpose in this app

/**
 * Instances started together on an empty database (docker-compose `replicas: 2`) would race
 * in pg-boss's schema and queue creation — two create_queue calls deadlock on the queue
 * table's partitions. A session-level advisory lock on a client of its own lets one instance
 * set up at a time; the next finds everything there and only checks.
 */
async function setUpOnce(ctx: AppContext, setUp: () => Promise<void>): Promise<void> {
  const client = await ctx.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [JOBS_SETUP_LOCK]);
    try {
      await setUp();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [JOBS_SETUP_LOCK]);
    }
  } finally {
    client.release();
  }
}

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export async function startJobs(ctx: AppContext): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => ctx.pool.query(text, values) },
    schema: 'pgboss',
  });
  boss.on('error', (err) => ctx.logger.error({ err }, 'job queue error'));
  await setUpOnce(ctx, async () => {
    await boss.start();
    if (!(await boss.getQueue(queues.expireRequests)))
      await boss.createQueue(queues.expireRequests, {
        name: queues.expireRequests,
        policy: 'singleton',
      });
    // Every 10 minutes; requests are checked against their own expires_at, so a late run is exact.
    await boss.schedule(queues.expireRequests, '*/10 * * * *', {}, { tz: 'UTC' });
  });
  await boss.work(queues.expireRequests, async () => {
    const result = await expireDueRequests(ctx.db, ctx.config);
    if (result.expired > 0) ctx.logger.info(result, 'mentorship requests expired');
  });

  let stopped: Promise<void> | undefined;
  return {
    boss,
    stop: () =>
      (stopped ??= boss.stop({
        graceful: true,
        close: false,
        wait: true,
        timeout: Math.max(1_000, Math.min(5_000, ctx.config.SHUTDOWN_TIMEOUT_MS)),
      })),
  };
}
