/**
 * Hacker News import at scale (npm run bench -- import): a generated 100,000-item dump
 * (JSON Lines, shuffled, with dead and deleted items) through the real CLI, against a bare
 * COPY of the very rows it produced into the same tables of a fresh database, in the same
 * run. Budget: the importer reaches >= 0.25x of COPY's rows per second.
 *
 * A bare COPY parses nothing and renders nothing, and rendering HN HTML -> markdown ->
 * sanitized HTML costs more per item than writing the item. So the bench also measures, in
 * the same run, what that work costs (parse + validate + render every item of the same dump,
 * on one thread, as the importer's code does it) and prints a second baseline: that minimal
 * pipeline followed by the same COPY — what any importer producing these rows must at least
 * do, with nothing overlapped. Both ratios are printed with their verdicts; so is where the
 * time goes per item.
 *
 * HN_BENCH_ITEMS=1000000 is the memory mode: a 1,000,000-item dump written as a stream
 * (shuffled in windows of 100,000, so replies still come before their parents) is imported
 * once, and the importer process's peak RSS is checked against its 300 MB budget (no COPY).
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createDb, createPool } from '../server/db';
import { migrateToLatest } from '../server/db/migrate';
import { toHnItem } from '../server/import/hn-parse';
import { renderItem } from '../server/import/hn-rows';
import { writeHnDump } from '../tests/helpers/hn-dump';
import { benchPostgres, dropDatabase, freshDatabase, projectRoot } from './env';
import { figure, type Figure } from './lib';

const ITEMS = Number(process.env.HN_BENCH_ITEMS ?? 100_000);
/** Above this the dump is streamed and only memory is measured (the 1M budget). */
const MEMORY_MODE = ITEMS > 200_000;
// Parents before children, so the foreign keys hold while copying.
const TABLES = ['users', 'hn_users', 'threads', 'replies', 'hn_items'];

async function migrated(url: string) {
  const db = createDb(createPool(url, 2));
  await migrateToLatest(db);
  await db.destroy();
}

interface ImportRun {
  seconds: number;
  rssMb: number;
  renderSeconds: number;
  dbSeconds: number;
  workers: number;
}

/** The real CLI, as `npm run import:hn` runs it (package.json), heap cap included. */
async function runImporter(file: string, url: string): Promise<ImportRun> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--max-old-space-size=200', '--import', 'tsx', 'scripts/import-hn.ts', file],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      maxBuffer: 256 * 1024 * 1024,
    },
  ).catch((err: { code: number; stdout: string; stderr: string }) => {
    // Exit 2 = imported, some records skipped (the dump has deleted leaves on purpose).
    if (err.code !== 2) throw new Error(`import failed: ${err.stderr}`);
    return err;
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = /^Imported .*$/m.exec(stdout)?.[0];
  if (summary) process.stdout.write(`  importer: ${summary}\n`);
  // The CLI prints its own process.resourceUsage().maxRSS (worker threads included).
  const rssMb = Number(/peak memory (\d+) MB/.exec(stdout)?.[1] ?? NaN);
  const t = /rendering ([\d.]+) s \((\d+) worker threads?\), database batches ([\d.]+) s/.exec(
    stdout,
  );
  return {
    seconds,
    rssMb,
    renderSeconds: Number(t?.[1] ?? NaN),
    workers: Number(t?.[2] ?? 0),
    dbSeconds: Number(t?.[3] ?? NaN),
  };
}

/** Parse + validate + render every item of the dump on this thread, as the importer does. */
async function renderOnly(file: string): Promise<{ seconds: number; items: number }> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let items = 0;
  let chars = 0;
  const started = performance.now();
  for await (const line of lines) {
    if (!line) continue;
    const r = toHnItem(JSON.parse(line));
    if ('item' in r) {
      const out = renderItem(r.item);
      chars += out.html.length; // keep the result alive
      items++;
    }
  }
  if (chars < 0) console.log(chars);
  return { seconds: (performance.now() - started) / 1000, items };
}

export default async function importBench(): Promise<Figure[]> {
  const postgres = await benchPostgres();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hn-bench-'));
  const databases: string[] = [];
  try {
    const importUrl = await freshDatabase(postgres.adminUrl, 'bench_hn');
    databases.push(importUrl);
    await migrated(importUrl);
    const file = path.join(dir, 'dump.jsonl');
    if (MEMORY_MODE) return await memoryMode(file, importUrl);
    const copyUrl = await freshDatabase(postgres.adminUrl, 'bench_copy');
    databases.push(copyUrl);
    await migrated(copyUrl);
    await writeHnDump(file, ITEMS, 2026);

    const imp = await runImporter(file, importUrl);

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

    // The work a bare COPY leaves out, measured on the same dump in the same run.
    const render = await renderOnly(file);
    const n = Number(rows[0]!.n);
    const perItemMs = (s: number, count = ITEMS) => (1000 * s) / count;
    const minimalSeconds = render.seconds + copySeconds;
    return [
      figure({
        name: `import ${ITEMS} HN items (items/s)`,
        value: ITEMS / imp.seconds,
        unit: 'items/s',
        baseline: n / copySeconds,
        baselineLabel: `bare COPY of the ${n} imported rows`,
        budget: { ratioAtLeast: 0.25 },
      }),
      figure({
        name: `import ${ITEMS} HN items vs parse+render+COPY (items/s)`,
        value: ITEMS / imp.seconds,
        unit: 'items/s',
        baseline: ITEMS / minimalSeconds,
        baselineLabel: `parse+render on 1 thread ${render.seconds.toFixed(1)} s + same COPY ${copySeconds.toFixed(1)} s`,
        budget: { ratioAtLeast: 0.25 },
      }),
      figure({
        name: 'render per item (parse+validate+render, 1 thread)',
        value: perItemMs(render.seconds, render.items),
        unit: 'ms',
        budget: { report: true },
      }),
      figure({
        name: 'COPY per row (all five tables)',
        value: perItemMs(copySeconds, n),
        unit: 'ms',
        budget: { report: true },
      }),
      figure({
        name: 'rendering share of parse+render+COPY',
        value: (100 * render.seconds) / minimalSeconds,
        unit: '%',
        budget: { report: true },
      }),
      figure({
        name: `importer: rendering per item (${imp.workers || 'no'} worker thread${imp.workers === 1 ? '' : 's'})`,
        value: perItemMs(imp.renderSeconds),
        unit: 'ms',
        budget: { report: true },
      }),
      figure({
        name: 'importer: database batches per item',
        value: perItemMs(imp.dbSeconds),
        unit: 'ms',
        baseline: perItemMs(copySeconds, n),
        baselineLabel: 'COPY per row',
        budget: { report: true },
      }),
      figure({
        name: `importer peak RSS at ${ITEMS} items`,
        value: imp.rssMb,
        unit: 'MB',
        budget: { valueAtMost: 300 },
      }),
    ];
  } finally {
    for (const url of databases) await dropDatabase(postgres.adminUrl, url).catch(() => {});
    await rm(dir, { recursive: true, force: true });
    await postgres.stop();
  }
}

async function memoryMode(file: string, importUrl: string): Promise<Figure[]> {
  const written = performance.now();
  await streamHnDump(file, ITEMS, 2026);
  process.stdout.write(
    `  wrote ${ITEMS} items in ${((performance.now() - written) / 1000).toFixed(0)} s; importing…\n`,
  );
  const imp = await runImporter(file, importUrl);
  return [
    figure({
      name: `importer peak RSS at ${ITEMS} items`,
      value: imp.rssMb,
      unit: 'MB',
      budget: { valueAtMost: 300 },
    }),
    figure({
      name: `import ${ITEMS} HN items (items/s)`,
      value: ITEMS / imp.seconds,
      unit: 'items/s',
      budget: { report: true },
    }),
  ];
}

/**
 * A large HN-shaped dump written as a stream: ids ascending in windows of 100,000 items, each
 * window shuffled (so many replies come before their parents, as in the 100k test), parents
 * drawn from every earlier item, 2% deleted, 2% dead. Deleted items are never chosen as
 * parents, so each is a leaf (skipped) and every reply has a parent that is imported.
 * Holds one window, never the whole dump.
 */
export async function streamHnDump(file: string, n: number, seed: number): Promise<void> {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  // Whether item i is deleted / dead: a hash of i, so no list of them is kept.
  const mix = (i: number) => {
    let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) / 4294967296;
  };
  const deleted = (i: number) => i > 0 && mix(i) < 0.02; // the first story always stays
  const base = 40_000_000;
  const WINDOW = 100_000;
  const out = createWriteStream(file);
  for (let from = 0; from < n; from += WINDOW) {
    const window: string[] = [];
    for (let i = from; i < Math.min(n, from + WINDOW); i++) {
      const id = base + i;
      const t = 1_600_000_000 + i * 7;
      const story = i === 0 || rand() < 0.05;
      const r = mix(i);
      const item: Record<string, unknown> = story
        ? { id, type: 'story', by: `user${i % 997}`, time: t, score: 1 + (i % 50) }
        : { id, type: 'comment', by: `user${i % 1009}`, time: t };
      if (!story) {
        let p: number;
        do p = Math.floor(rand() * i);
        while (deleted(p));
        item.parent = base + p;
      } else item.title = `Generated story ${i}: what worked &amp; what didn&#x27;t`;
      item.text = `Reply ${i} with <i>markup</i>, a <a href="https://example.com/${i}">link</a>.<p>Second paragraph &quot;quoted&quot;.`;
      if (deleted(i)) {
        item.deleted = true;
        delete item.by;
        delete item.text;
      } else if (r < 0.04) item.dead = true;
      window.push(JSON.stringify(item));
    }
    for (let i = window.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [window[i], window[j]] = [window[j]!, window[i]!];
    }
    for (const line of window) if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
