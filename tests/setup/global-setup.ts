import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, createPool, withDatabase } from '../../server/db';
import { startEmbeddedPostgres } from '../../server/db/embedded';
import { migrateToLatest } from '../../server/db/migrate';
import { ensureClientBuilt } from '../../server/client-build';
import { pino } from 'pino';
import { register } from 'tsx/esm/api';
import { installJobsSchema } from '../../server/jobs/install';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
    runId: string;
  }
}

/**
 * ONE Postgres for the whole run: the server in TEST_DATABASE_URL, or an embedded one in a
 * temporary folder. Migrations run once into a template database; every test file then
 * gets `CREATE DATABASE … TEMPLATE …` (see tests/helpers/db.ts).
 */
export default async function setup(project: TestProject) {
  // Global setup runs in Vitest's main process, where Node cannot import the .ts migration
  // files by itself; tsx's loader teaches it (workers go through Vite and need nothing).
  register();
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  if (!adminUrl) {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'switchboard-test-'));
    const embedded = await startEmbeddedPostgres(tmp);
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const templateDb = `sb_template_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const pool = createPool(withDatabase(adminUrl, templateDb), 2);
  const db = createDb(pool);
  await migrateToLatest(db);
  // pg-boss's schema and queues too, so each test app's job start only checks them.
  await installJobsSchema(db, pool);
  await db.destroy();

  // Browser tests need the built client; building once here keeps files independent.
  await ensureClientBuilt(pino({ level: 'warn' }));

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  project.provide('runId', runId);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`sb_%${runId}%`],
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await stopEmbedded?.();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  };
}
