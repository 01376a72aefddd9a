import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, createPool, withDatabase, type Db } from '../../server/db';

export interface TestDatabase {
  url: string;
  name: string;
  db: Db;
  pool: pg.Pool;
  destroy(): Promise<void>;
}

/** A fresh, migrated database of its own, copied from the run's template. */
export function createTestDatabase(): Promise<TestDatabase> {
  return create(inject('templateDb'));
}

/**
 * An EMPTY database (no migrations, no job-queue schema): what a first deployment starts on,
 * so several instances starting at once must each migrate it, exactly once between them.
 */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return create('template0');
}

async function create(template: string): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `sb_test_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 10);
  const db = createDb(pool);
  return { url, name, db, pool, destroy: () => db.destroy() };
}
