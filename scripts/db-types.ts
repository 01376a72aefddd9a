/**
 * Regenerates server/db/types.ts from a freshly migrated database (kysely-codegen).
 * `npm run db:types` writes it; tests/integration/db-types.test.ts fails when it drifts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, createPool, withDatabase } from '../server/db';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { migrateToLatest } from '../server/db/migrate';
import { projectRoot } from '../server/db/connect';

export const typesFile = path.join(projectRoot, 'server/db/types.ts');

export function runCodegen(url: string, mode: 'write' | 'verify'): void {
  execFileSync(
    path.join(projectRoot, 'node_modules/.bin/kysely-codegen'),
    [
      '--dialect',
      'postgres',
      '--url',
      url,
      '--out-file',
      typesFile,
      '--include-pattern',
      'public.*',
      '--exclude-pattern',
      'public.kysely_migration*',
      '--log-level',
      'error',
      ...(mode === 'verify' ? ['--verify'] : []),
    ],
    { cwd: projectRoot, stdio: 'pipe' },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'switchboard-types-'));
  const embedded = await startEmbeddedPostgres(tmp);
  try {
    const admin = new pg.Client({ connectionString: embedded.url });
    await admin.connect();
    await admin.query('CREATE DATABASE types_source');
    await admin.end();
    const url = withDatabase(embedded.url, 'types_source');
    const db = createDb(createPool(url, 2));
    await migrateToLatest(db);
    await db.destroy();
    runCodegen(url, 'write');
    console.log(`Wrote ${path.relative(projectRoot, typesFile)}`);
  } finally {
    await embedded.stop();
    await rm(tmp, { recursive: true, force: true });
  }
}
