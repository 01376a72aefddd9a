import type PgBoss from 'pg-boss';

/**
 * `boss.work` that drains a backlog at full speed. pg-boss waits a whole polling interval
 * after every fetch, however much is queued: with 20 mails a fetch and 2 s polling, 10,000
 * digests would take over 16 minutes to leave. A fetch that came back full means more are
 * probably waiting, so the worker is told to fetch again at once; an idle queue is still
 * polled at the interval.
 */
export async function workEagerly<T extends object>(
  boss: PgBoss,
  queue: string,
  options: PgBoss.WorkOptions,
  /** Jobs come with their metadata (retryCount: 0 on a job's very first run). */
  handler: PgBoss.WorkWithMetadataHandler<T>,
): Promise<string> {
  const full = options.batchSize ?? 1;
  let id = '';
  id = await boss.work<T>(queue, { ...options, includeMetadata: true }, async (jobs) => {
    try {
      return await handler(jobs);
    } finally {
      if (jobs.length >= full && id) boss.notifyWorker(id);
    }
  });
  return id;
}
