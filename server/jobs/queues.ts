import type PgBoss from 'pg-boss';
import type { Config } from '../config';
import { MAIL_QUEUE } from '../mail/outbox';

/** Every queue of the app. Jobs carry ids only; handlers re-read what they need. */
export const queues = {
  /** Expire unanswered mentorship requests and auto-pause silent mentors. */
  expireRequests: 'mentorships.expire-requests',
  /** Every email (server/mail/outbox.ts). */
  mail: MAIL_QUEUE,
  /** Tell matching mentors about a new question (enqueued with the thread). */
  questionPosted: 'matching.question-posted',
  /** Every 15 minutes: claim the digests that fell due since the last run. */
  digestSchedule: 'digest.schedule',
  /** Build and enqueue one batch of claimed digests. */
  digestBatch: 'digest.batch',
} as const;

/** Creates (or updates) every queue; safe to run on every start. */
export async function installQueues(boss: PgBoss, config: Config): Promise<void> {
  const mailRetry = {
    retryLimit: config.MAIL_RETRY_LIMIT,
    retryDelay: config.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: config.MAIL_RETRY_BACKOFF,
  };
  const wanted: PgBoss.Queue[] = [
    { name: queues.expireRequests, policy: 'singleton' },
    {
      name: queues.mail,
      policy: 'standard',
      ...mailRetry,
      expireInSeconds: config.JOBS_TIMEOUT_SECONDS,
    },
    { name: queues.questionPosted, policy: 'standard', retryLimit: 5, retryDelay: 10 },
    { name: queues.digestSchedule, policy: 'singleton' },
    {
      name: queues.digestBatch,
      policy: 'standard',
      retryLimit: 10,
      retryDelay: 5,
      expireInSeconds: config.JOBS_TIMEOUT_SECONDS,
    },
  ];
  for (const q of wanted) {
    if (await boss.getQueue(q.name)) await boss.updateQueue(q.name, q);
    else await boss.createQueue(q.name, q);
  }
}
