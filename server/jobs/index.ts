import PgBoss from 'pg-boss';
import type { AppContext } from '../context';
import { setUpChatJobs, workChatJobs } from '../chat/unread-email';
import { deliverEmail } from '../mail/deliver';
import { closeMail } from '../mail/index';
import type { EmailJob } from '../mail/outbox';
import { expireDueRequests } from '../mentorships/expiry';
import { onQuestionPosted } from '../mentorships/question-hook';
import { digestWorkers } from '../digests/jobs';
import { workEagerly } from './eager';
import { emailBuilders } from './emails';
import { JOBS_SCHEMA } from './enqueue';
import { installQueues, queues } from './queues';

export { queues } from './queues';

/**
 * Background jobs: ONE pg-boss instance per process, on the app's own pool, its schema
 * ("pgboss") created and migrated by pg-boss itself. Several instances share the work through
 * Postgres: a cron schedule fires once across the cluster, each job runs once.
 *
 * Jobs carry ids only; handlers re-read what they need. Add a job by adding a queue to
 * ./queues.ts and a worker below; enqueue it with `enqueue(trx, ...)` (./enqueue.ts).
 */
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

// Mails in flight at once: enough to keep SMTP_POOL_SIZE connections busy while others wait
// on the database (bench/digest.bench.ts measures it: 20 fell short of the budget).
const MAIL_BATCH = 50;

/**
 * Starts pg-boss, installs the queues and (unless `workers: false`) runs the workers and
 * schedules. With workers off the process still enqueues (a web-only instance).
 */
export async function startJobs(ctx: AppContext, opts: { workers?: boolean } = {}): Promise<Jobs> {
  const workers = opts.workers ?? true;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => ctx.pool.query(text, values) },
    schema: JOBS_SCHEMA,
    supervise: workers,
    schedule: workers,
    maintenanceIntervalSeconds: ctx.config.JOBS_MAINTENANCE_SECONDS,
  });
  boss.on('error', (err) => ctx.logger.error({ err }, 'job queue error'));
  await setUpOnce(ctx, async () => {
    await boss.start();
    await installQueues(boss, ctx.config);
    await setUpChatJobs(boss);
    if (!workers) return;
    // Every 10 minutes; requests are checked against their own expires_at, so a late run is exact.
    await boss.schedule(queues.expireRequests, '*/10 * * * *', {}, { tz: 'UTC' });
    await boss.schedule(queues.digestSchedule, '*/15 * * * *', {}, { tz: 'UTC' });
  });
  if (workers) await startWorkers(ctx, boss);

  let stopped: Promise<void> | undefined;
  return {
    boss,
    stop: () =>
      (stopped ??= boss
        .stop({
          graceful: true,
          close: false,
          wait: true,
          timeout: Math.max(1_000, Math.min(5_000, ctx.config.SHUTDOWN_TIMEOUT_MS)),
        })
        // The workers have finished: the pooled SMTP connections can go.
        .finally(() => closeMail(ctx.config))),
  };
}

async function startWorkers(ctx: AppContext, boss: PgBoss): Promise<void> {
  const polling = { pollingIntervalSeconds: ctx.config.JOBS_POLL_SECONDS };
  await workChatJobs(ctx, boss);
  await boss.work(queues.expireRequests, polling, async () => {
    const result = await expireDueRequests(ctx.db, ctx.config);
    if (result.expired > 0) ctx.logger.info(result, 'mentorship requests expired');
  });
  // A batch of mails at once; one that fails temporarily is failed alone (pg-boss retries it
  // later with backoff), the others complete. A full batch fetches the next one at once.
  await workEagerly<EmailJob>(
    boss,
    queues.mail,
    { ...polling, batchSize: MAIL_BATCH },
    async (jobs) => {
      await Promise.all(
        jobs.map((job) =>
          // pg-boss counts every start after the first as a retry, so retryCount 0 means
          // no earlier run can have recorded (or sent) this one.
          deliverEmail(ctx, emailBuilders, job.id, job.data, {
            firstRun: job.retryCount === 0,
          }).catch(async (err: unknown) => {
            ctx.logger.warn({ err, template: job.data.template }, 'mail failed; will retry');
            await boss.fail(queues.mail, job.id, { message: String(err) });
          }),
        ),
      );
    },
  );
  await boss.work<{ threadId: string }>(queues.questionPosted, polling, async ([job]) => {
    await onQuestionPosted(ctx, job!.data.threadId, { rethrow: true });
  });
  await digestWorkers(ctx, boss, polling);
}
