/**
 * npm run digest:preview -- <handle> [--weekly]
 * Prints the digest that person would get now and keeps a copy in the local mail catcher
 * (/dev/mail). Nothing is claimed or sent (server/digests/preview.ts).
 */
import { loadConfig } from '../server/config';
import { createDb, createPool } from '../server/db';
import { resolveDatabase } from '../server/db/connect';
import { previewDigest } from '../server/digests/preview';
import { createLogger } from '../server/log';

const args = process.argv.slice(2);
const handle = args.find((a) => !a.startsWith('--'));
if (!handle) {
  console.error('Usage: npm run digest:preview -- <handle> [--weekly]');
  process.exit(64); // EX_USAGE
}

const config = loadConfig();
const logger = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await resolveDatabase(config, logger);
const db = createDb(createPool(database.url, 2));
let code = 0;
try {
  const r = await previewDigest(db, config, handle, args.includes('--weekly'));
  if ('none' in r) {
    console.log(r.none);
  } else {
    console.log(`To: ${r.to}\nSubject: ${r.subject}\n\n${r.text}\n`);
    console.log(
      `Also in the mail catcher: ${new URL('/dev/mail', config.PUBLIC_URL ?? `http://localhost:${config.PORT}`)}`,
    );
  }
} catch (err) {
  console.error(err);
  code = 1;
} finally {
  await db.destroy();
  await database.stop();
}
process.exit(code);
