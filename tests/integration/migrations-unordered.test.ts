/**
 * Branches land in any order: a database may already hold a migration whose name sorts after
 * one that arrives later. Start-up applies the missing one instead of refusing to start.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate';
import { createEmptyDatabase } from '../helpers/db';

it('applies a migration that arrived after later ones were applied', async () => {
  const database = await createEmptyDatabase();
  try {
    await migrateToLatest(database.db);
    // As if 2026_12_03_110000 had landed after 2026_12_03_150000 was applied here.
    const earlier = '2026_12_03_110000_hn_pending_rendered';
    const mod = (await import(`../../migrations/${earlier}.ts`)) as {
      down(db: unknown): Promise<void>;
    };
    await mod.down(database.db);
    await sql`DELETE FROM kysely_migration WHERE name = ${earlier}`.execute(database.db);

    const applied = await migrateToLatest(database.db);
    expect(applied).toEqual([earlier]);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration
      WHERE name = ${earlier}`.execute(database.db);
    expect(rows[0]!.n).toBe(1);
  } finally {
    await database.destroy();
  }
});
