/**
 * npm run import:hn -- <file> [--tag <slug>]
 * Imports Hacker News items into the forum, against DATABASE_URL or the embedded Postgres.
 * The file may be a JSON array, JSON Lines or `Item(by='…', …)` records, optionally gzip;
 * the format is told from the content. Ctrl-C stops after the batch in flight; running the
 * same command again resumes, and nothing is imported twice.
 *
 * package.json runs it with --max-old-space-size=200: the importer holds about two batches,
 * but V8 otherwise lets the heap grow lazily. About 135 MB of the RSS is there before the
 * first record (modules, tsx), each render worker adds ~60 MB; measured peak 268 MB at
 * 100,000 items and 266 MB at 1,000,000 (npm run bench -- import), budget 300 MB.
 */
import cliProgress from 'cli-progress';
import { loadConfig } from '../server/config';
import { createDb, createPool } from '../server/db';
import { resolveDatabase } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import { importHnFile, type ImportReport } from '../server/import/hn';
import { createLogger } from '../server/log';
import { tagSlug } from '../shared/api/threads';

const args = process.argv.slice(2);
const tagAt = args.indexOf('--tag');
const tag = tagSlug.safeParse(tagAt >= 0 ? args[tagAt + 1] : 'hacker-news');
const file = args.find((a, i) => !a.startsWith('--') && !(tagAt >= 0 && i === tagAt + 1));
if (!file || !tag.success) {
  console.error(
    'Usage: npm run import:hn -- <items.json|items.jsonl|items.txt[.gz]> [--tag <lowercase-slug>]',
  );
  process.exit(64);
}

const config = loadConfig();
const logger = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await resolveDatabase(config, logger);
const db = createDb(createPool(database.url, 2));
const stop = new AbortController();
process.on('SIGINT', () => {
  if (stop.signal.aborted) process.exit(130);
  console.error('\nStopping after the batch in flight (Ctrl-C again to quit at once)…');
  stop.abort();
});

const tty = process.stderr.isTTY;
const bar = tty
  ? new cliProgress.SingleBar(
      {
        format: ' {bar} {percentage}% | {records} items | {rate} items/s | ETA {eta_formatted}',
        hideCursor: true,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    )
  : null;
let progress = { size: 0, bytesRead: () => 0 };
const started = Date.now();
let lastLog = 0;
const onBatch = (r: ImportReport) => {
  const secs = (Date.now() - started) / 1000;
  const rate = Math.round(r.records / Math.max(secs, 0.001));
  if (bar) bar.update(progress.bytesRead(), { records: r.records, rate });
  else if (Date.now() - lastLog > 5000) {
    lastLog = Date.now();
    const pct = progress.size ? Math.round((100 * progress.bytesRead()) / progress.size) : 0;
    console.log(
      `${r.records} items read (${pct}%), ${r.threads} threads, ${r.replies} replies, ${rate} items/s`,
    );
  }
};

let exitCode = 0;
try {
  await migrateToLatest(db);
  const report = await importHnFile(db, file, {
    tag: tag.data,
    signal: stop.signal,
    onOpen: (s) => {
      progress = s;
      bar?.start(s.size, 0, { records: 0, rate: 0 });
    },
    onBatch,
    onProblem: (p) => {
      const line = `${file}: ${p.where}${p.id ? ` (HN ${p.id})` : ''}: ${p.message} — skipped`;
      if (bar) bar.stop();
      console.warn(line);
      if (bar) bar.start(progress.size, progress.bytesRead(), { records: 0, rate: 0 });
    },
  });
  bar?.stop();
  console.log(
    `Imported ${report.threads} threads, ${report.replies} replies, ${report.members} new members` +
      ` (tag "${tag.data}", ${report.format}${report.gzip ? ', gzip' : ''});` +
      ` ${report.alreadyImported} items were already imported;` +
      ` ${report.problemCount} skipped; ${report.waiting} replies wait for their parent.` +
      (report.resumedAfter ? ` Resumed after record ${report.resumedAfter}.` : ''),
  );
  const secs = (Date.now() - started) / 1000;
  // maxRSS is in KiB. The bench reads this line.
  console.log(
    `${report.records} items in ${secs.toFixed(1)} s; peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`,
  );
  const t = report.timings;
  console.log(
    `Time: rendering ${(t.renderMs / 1000).toFixed(1)} s` +
      ` (${t.renderWorkers ? `${t.renderWorkers} worker threads` : 'main thread'}),` +
      ` database batches ${(t.dbMs / 1000).toFixed(1)} s; the two overlap.`,
  );
  if (report.interrupted) {
    console.log('Interrupted: run the same command again to resume.');
    exitCode = 130;
  } else if (report.problemCount) exitCode = 2; // imported, but some records were skipped
} catch (err) {
  bar?.stop();
  console.error(String(err));
  exitCode = 1;
} finally {
  await db.destroy();
  await database.stop();
}
process.exit(exitCode);
