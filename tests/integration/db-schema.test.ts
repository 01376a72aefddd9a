import { describe, expect, it } from 'vitest';
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
      // Walk all the way down, then back up.
      let reverted: string[];
      do reverted = await migrateDown(db);
      while (reverted.length > 0);
      const tablesEmpty = appTables(await db.introspection.getTables());
      expect(tablesEmpty.map((t) => t.name)).toEqual([]);
      await migrateToLatest(db);
      const tablesAfter = appTables(await db.introspection.getTables());
      expect(tablesAfter.map((t) => [t.name, t.columns.map((c) => c.name).sort()])).toEqual(
        tablesBefore.map((t) => [t.name, t.columns.map((c) => c.name).sort()]),
      );
    } finally {
      await destroy();
    }
  });
});
