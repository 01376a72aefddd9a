/**
 * npm run import:hn -- <file> [--tag <slug>]
 * Imports Hacker News items (JSON array or JSON Lines, HN API item format) into the forum,
 * against DATABASE_URL or the embedded Postgres. Safe to run again: nothing changes twice.
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../server/config';
import { createDb, createPool } from '../server/db';
import { resolveDatabase } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import { importHnItems } from '../server/import/hn';
import { parseHnFile } from '../server/import/hn-parse';
import { createLogger } from '../server/log';
import { tagSlug } from '../shared/api/threads';

const args = process.argv.slice(2);
const tagAt = args.indexOf('--tag');
const tag = tagSlug.safeParse(tagAt >= 0 ? args[tagAt + 1] : 'hacker-news');
const file = args.find((a, i) => !a.startsWith('--') && !(tagAt >= 0 && i === tagAt + 1));
if (!file || !tag.success) {
  console.error('Usage: npm run import:hn -- <items.json|items.jsonl> [--tag <lowercase-slug>]');
  process.exit(64);
}

const config = loadConfig();
const logger = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await resolveDatabase(config, logger);
const db = createDb(createPool(database.url, 2));
let exitCode = 0;
try {
  await migrateToLatest(db);
  const { items, problems } = parseHnFile(await readFile(file, 'utf8'));
  for (const p of problems) console.warn(`${file}: ${p.where}: ${p.message} — skipped`);
  const report = await importHnItems(db, items, { tag: tag.data });
  for (const s of report.skipped)
    console.warn(`${file}: ${s.where} (HN ${s.id}): ${s.reason} — skipped`);
  console.log(
    `Imported ${report.threads} threads, ${report.replies} replies, ${report.members} new members` +
      ` (tag "${tag.data}"); ${report.alreadyImported} items were already imported;` +
      ` ${problems.length + report.skipped.length} skipped.`,
  );
  // 2: imported, but some lines were skipped (a script can tell that from success).
  if (problems.length) exitCode = 2;
} catch (err) {
  console.error(String(err));
  exitCode = 1;
} finally {
  await db.destroy();
  await database.stop();
}
process.exit(exitCode);
