/* eslint-disable @typescript-eslint/no-explicit-any -- the migrator works on any schema */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';

const migrationFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations',
);

// Kysely's Postgres adapter takes a transaction-scoped advisory lock around every run,
// so two instances starting together apply each migration once.
//
// Unordered: branches land in any order, so a database may already have a migration whose
// name sorts after one that arrives later (seen here: a dev database refused to start with
// "corrupted migrations"). The missing one is applied; each migration stands on its own.
export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: folderProvider, allowUnorderedMigrations: true });
}

/**
 * Like Kysely's FileMigrationProvider, but the import() happens in our code, so whatever
 * loads this module (tsx, Vitest) also loads the .ts migrations.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(migrationFolder)).filter((f) => /^\d.*\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(path.join(migrationFolder, file)).href)) as Migration;
      migrations[file.replace(/\.ts$/, '')] = { up: mod.up, down: mod.down };
    }
    return migrations;
  },
};

function check(result: MigrationResultSet): void {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${String(result.error)}`,
    );
    (err as Error & { cause: unknown }).cause = result.error;
    throw err;
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const result = await createMigrator(db).migrateToLatest();
  check(result);
  return (result.results ?? []).map((r) => r.migrationName);
}

export async function migrateDown(db: Kysely<any>): Promise<string[]> {
  const result = await createMigrator(db).migrateDown();
  check(result);
  return (result.results ?? []).map((r) => r.migrationName);
}

/** True when every migration file has been applied. */
export async function migrationsCurrent(db: Kysely<any>): Promise<boolean> {
  const migrations = await createMigrator(db).getMigrations();
  return migrations.every((m) => m.executedAt !== undefined);
}
