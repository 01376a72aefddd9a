import PgBoss from 'pg-boss';
import type pg from 'pg';
import { loadConfig } from '../config';
import type { Db } from '../db';
import { JOBS_SCHEMA } from './enqueue';
import { installQueues } from './queues';

/** pg-boss's schema and the app's queues, without running anything (test template, scripts). */
export async function installJobsSchema(_db: Db, pool: pg.Pool): Promise<void> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: JOBS_SCHEMA,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await installQueues(boss, loadConfig({ NODE_ENV: 'test' }));
  await boss.stop({ graceful: false, close: false, wait: true });
}
