/** npm run migrate | npm run migrate:down — against DATABASE_URL or the embedded Postgres. */
import { loadConfig } from '../server/config';
import { createDb, createPool } from '../server/db';
import { resolveDatabase } from '../server/db/connect';
import { migrateDown, migrateToLatest } from '../server/db/migrate';
import { createLogger } from '../server/log';

const direction = process.argv[2] === 'down' ? 'down' : 'up';
const config = loadConfig();
const logger = createLogger(config);
const database = await resolveDatabase(config, logger);
const db = createDb(createPool(database.url, 2));
try {
  const names = direction === 'up' ? await migrateToLatest(db) : await migrateDown(db);
  console.log(
    names.length
      ? `${direction === 'up' ? 'Applied' : 'Reverted'}: ${names.join(', ')}`
      : 'Nothing to do: the database is already there.',
  );
} catch (err) {
  console.error(String(err));
  process.exitCode = 1;
} finally {
  await db.destroy();
  await database.stop();
}
