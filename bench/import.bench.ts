/**
 * Hacker News import at scale (npm run bench -- import): a generated 100,000-item dump
 * (JSON Lines, shuffled, with dead and deleted items) through the real CLI, against a bare
 * COPY of the very rows it produced into the same tables of a fresh database, in the same
 * run. Budget: the importer reaches >= 0.25x of COPY's rows per second. The importer's peak
 * RSS is printed next to its 300 MB budget (stated for 1,000,000 items: HN_BENCH_ITEMS=1000000).
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createDb, createPool } from '../server/db';
import { migrateToLatest } from '../server/db/migrate';
import { writeHnDump } from '../tests/helpers/hn-dump';
import { benchPostgres, freshDatabase, projectRoot } from './env';
import { figure, type Figure } from './lib';

const ITEMS = Number(process.env.HN_BENCH_ITEMS ?? 100_000);
// Parents before children, so the foreign keys hold while copying.
const TABLES = ['users', 'hn_users', 'threads', 'replies', 'hn_items'];

async function migrated(url: string) {
  const db = createDb(createPool(url, 2));
  await migrateToLatest(db);
  await db.destroy();
}

export default async function importBench(): Promise<Figure[]> {
  const postgres = await benchPostgres();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hn-bench-'));
  try {
    const importUrl = await freshDatabase(postgres.adminUrl, 'bench_hn');
    const copyUrl = await freshDatabase(postgres.adminUrl, 'bench_copy');
    await migrated(importUrl);
    await migrated(copyUrl);
    const file = path.join(dir, 'dump.jsonl');
    await writeHnDump(file, ITEMS, 2026);

    const started = performance.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      // As `npm run import:hn` runs it (package.json), heap cap included.
      ['--max-old-space-size=200', '--import', 'tsx', 'scripts/import-hn.ts', file],
      { cwd: projectRoot, env: { ...process.env, DATABASE_URL: importUrl, LOG_LEVEL: 'warn' } },
    ).catch((err: { code: number; stdout: string; stderr: string }) => {
      // Exit 2 = imported, some records skipped (the dump has deleted leaves on purpose).
      if (err.code !== 2) throw new Error(`import failed: ${err.stderr}`);
      return err;
    });
    const importSeconds = (performance.now() - started) / 1000;
    const rss = Number(/peak memory (\d+) MB/.exec(stdout)?.[1] ?? NaN);

    // The same rows, dumped from the imported database, then COPY'd into the same tables.
    const src = new pg.Client({ connectionString: importUrl });
    const dst = new pg.Client({ connectionString: copyUrl });
    await src.connect();
    await dst.connect();
    for (const t of TABLES)
      await pipeline(
        src.query(copyTo(`COPY ${t} TO STDOUT`)),
        createWriteStream(path.join(dir, `${t}.copy`)),
      );
    const { rows } = await src.query<{ n: string }>('SELECT count(*) AS n FROM hn_items');
    const copyStarted = performance.now();
    await dst.query('BEGIN');
    for (const t of TABLES)
      await pipeline(
        createReadStream(path.join(dir, `${t}.copy`)),
        dst.query(copyFrom(`COPY ${t} FROM STDIN`)),
      );
    await dst.query('COMMIT');
    const copySeconds = (performance.now() - copyStarted) / 1000;
    await src.end();
    await dst.end();

    const n = Number(rows[0]!.n);
    return [
      figure({
        name: `import ${ITEMS} HN items (items/s)`,
        value: ITEMS / importSeconds,
        unit: 'items/s',
        baseline: n / copySeconds,
        baselineLabel: `bare COPY of the ${n} imported rows`,
        budget: { ratioAtLeast: 0.25 },
      }),
      figure({
        name: `importer peak RSS at ${ITEMS} items`,
        value: rss,
        unit: 'MB',
        budget: { valueAtMost: 300 },
      }),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
    await postgres.stop();
  }
}
