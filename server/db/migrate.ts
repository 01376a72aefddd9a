/* eslint-disable @typescript-eslint/no-explicit-any -- the migrator works on any schema */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import { projectRoot } from '../lib/project-root';

/**
 * Where the migrations are, and in which language: the TypeScript files in migrations/ when
 * this module runs from the sources (tsx, Vitest), the compiled ones in dist/server/migrations/ when
 * it runs from dist/server/ (`npm start`, scripts/build-server.mjs builds both from the same
 * files). Either way a migration's name is its file name without the extension.
 */
const compiled = !import.meta.url.endsWith('.ts');
const migrationFolder = compiled
  ? path.join(projectRoot, 'dist', 'server', 'migrations')
  : path.join(projectRoot, 'migrations');
const extension = compiled ? '.js' : '.ts';

/** The migration files this process applies, in name order. */
export function migrationFiles(): string[] {
  return readdirSync(migrationFolder)
    .filter((f) => /^\d/.test(f) && f.endsWith(extension))
    .sort();
}

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
    const migrations: Record<string, Migration> = {};
    for (const file of migrationFiles()) {
      const mod = (await import(pathToFileURL(path.join(migrationFolder, file)).href)) as Migration;
      migrations[file.slice(0, -extension.length)] = { up: mod.up, down: mod.down };
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
