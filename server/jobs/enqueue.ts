import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { DB } from '../db/types';

export const JOBS_SCHEMA = 'pgboss';

/**
 * Enqueues a pg-boss job on the caller's connection: inside `db.transaction()` the job commits
 * or rolls back with the change that caused it (a rolled-back change sends nothing, a crash
 * after commit still runs it). pg-boss only needs `executeSql`; a Kysely transaction runs the
 * SQL pg-boss gives it. The sender below is never started: it only builds the INSERT.
 */
const sender = new PgBoss({
  db: {
    executeSql: () => Promise.reject(new Error('jobs are enqueued on a connection of the caller')),
  },
  schema: JOBS_SCHEMA,
});

export function executorOf(db: Kysely<DB> | Transaction<DB>) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const r = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: r.rows };
    },
  };
}

export async function enqueue(
  db: Kysely<DB> | Transaction<DB>,
  queue: string,
  data: object,
  options: Omit<PgBoss.SendOptions, 'db'> = {},
): Promise<string> {
  const id = await sender.send(queue, data, { ...options, db: executorOf(db) });
  // pg-boss returns null when the queue does not exist (or a singleton key blocked it).
  if (!id && !options.singletonKey) throw new Error(`job queue ${queue} is not installed`);
  return id ?? '';
}

/** Several jobs of one queue in a single INSERT on the caller's connection. */
export async function enqueueMany(
  db: Kysely<DB> | Transaction<DB>,
  queue: string,
  data: object[],
): Promise<void> {
  if (data.length === 0) return;
  await sender.insert(
    data.map((d) => ({ name: queue, data: d })),
    { db: executorOf(db) },
  );
}
