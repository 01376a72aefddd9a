import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db';
import { migrateDown, migrateToLatest } from '../../server/db/migrate';
import { runCodegen } from '../../scripts/db-types';
import { createTestDatabase } from '../helpers/db';

// pg-boss owns its "pgboss" schema (installed in the test template); the app's tables are in public.
const appTables = <T extends { schema?: string }>(tables: T[]) =>
  tables.filter((t) => t.schema !== 'pgboss');

describe('database schema', () => {
  it('matches the committed types in server/db/types.ts (run `npm run db:types` after a migration)', async () => {
    const { url, destroy } = await createTestDatabase();
    try {
      expect(() => runCodegen(url, 'verify')).not.toThrow();
    } finally {
      await destroy();
    }
  });

  it('every migration has a working down, and up again restores the schema', async () => {
    const { db, destroy } = await createTestDatabase();
    try {
      const tablesBefore = appTables(await db.introspection.getTables());
      const catalogBefore = await catalog(db);
      // Walk all the way down, then back up.
      let reverted: string[];
      do reverted = await migrateDown(db);
      while (reverted.length > 0);
      const tablesEmpty = appTables(await db.introspection.getTables());
      expect(tablesEmpty.map((t) => t.name)).toEqual([]);
      // Nothing left behind: no index, constraint, trigger, function, type or extension a
      // down forgot (only what the migrator itself keeps).
      expect(await catalog(db)).toEqual({
        ...emptyCatalog,
        indexes: catalogBefore.indexes.filter((i) => i.startsWith('kysely_migration')),
        constraints: catalogBefore.constraints.filter((c) => c.startsWith('kysely_migration')),
      });
      await migrateToLatest(db);
      const tablesAfter = appTables(await db.introspection.getTables());
      expect(tablesAfter.map((t) => [t.name, t.columns.map((c) => c.name).sort()])).toEqual(
        tablesBefore.map((t) => [t.name, t.columns.map((c) => c.name).sort()]),
      );
      expect(await catalog(db)).toEqual(catalogBefore);
    } finally {
      await destroy();
    }
  });
});

const emptyCatalog = { indexes: [], constraints: [], triggers: [], functions: [], types: [] };

/**
 * What the migrations own in schema public, by definition, from pg_catalog: indexes,
 * constraints, triggers, functions and types (enums, domains). Extensions are left out —
 * shared by the server's databases, a down may rightly keep them.
 */
async function catalog(db: Db): Promise<Record<keyof typeof emptyCatalog, string[]>> {
  const list = async (query: ReturnType<typeof sql<{ d: string }>>) =>
    (await query.execute(db)).rows.map((r) => r.d).sort();
  return {
    indexes: await list(sql`
      SELECT c.relname || ': ' || pg_get_indexdef(i.indexrelid) AS d
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'`),
    constraints: await list(sql`
      SELECT t.relname || '.' || con.conname || ': ' || pg_get_constraintdef(con.oid) AS d
      FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`),
    triggers: await list(sql`
      SELECT t.relname || '.' || tg.tgname || ': ' || pg_get_triggerdef(tg.oid) AS d
      FROM pg_trigger tg JOIN pg_class t ON t.oid = tg.tgrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND NOT tg.tgisinternal`),
    functions: await list(sql`
      SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || '): ' ||
             md5(pg_get_functiondef(p.oid)) AS d
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      LEFT JOIN pg_depend dep ON dep.objid = p.oid AND dep.deptype = 'e'
      WHERE n.nspname = 'public' AND dep.objid IS NULL AND p.prokind IN ('f', 'p')`),
    types: await list(sql`
      SELECT t.typname || ':' || t.typtype::text AS d
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      LEFT JOIN pg_depend dep ON dep.objid = t.oid AND dep.deptype = 'e'
      WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND dep.objid IS NULL`),
  };
}
