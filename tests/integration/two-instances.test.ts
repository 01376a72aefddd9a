import { afterAll, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/cluster';
import { countMigrationFiles } from '../../server/boot';
import { createEmptyDatabase } from '../helpers/db';

const started: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

// docker-compose's `replicas: 2` starts every instance at once on an empty database: the
// migrations, the job queue's own schema and its queues must all be set up exactly once.
it('several instances started at once on a fresh database all come up', async () => {
  const database = await createEmptyDatabase();
  try {
    expect(await database.db.introspection.getTables()).toEqual([]);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => startServerProcess({ DATABASE_URL: database.url })),
    );
    for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(failures).toEqual([]);
    for (const s of started) {
      const ready = await fetch(`${s.url}/readyz`);
      expect(ready.status).toBe(200);
    }
    const queues = await database.db
      .withSchema('pgboss')
      .selectFrom('queue' as never)
      .select('name' as never)
      .execute();
    expect(queues.map((q) => (q as { name: string }).name)).toContain(
      'mentorships.expire-requests',
    );
    // Every migration recorded once, whichever instance ran it.
    const applied = await database.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied).toHaveLength(countMigrationFiles());
  } finally {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    await database.destroy();
  }
}, 120_000);
