import type { Logger } from 'pino';
import { clientDist, ensureClientBuilt } from './client-build';
import type { Config } from './config';
import type { AppContext } from './context';
import { createDb, createPool, type Db } from './db';
import { resolveDatabase, type Database } from './db/connect';
import { guardPool } from './db/faults';
import { migrateToLatest, migrationFiles } from './db/migrate';
import { startJobs } from './jobs';
import { startServer, type RunningServer } from './server';

/** How many migrations this process applies (readiness waits for all of them). */
export function countMigrationFiles(): number {
  return migrationFiles().length;
}

const hasUsers = async (db: Db) =>
  !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());

/**
 * The app's context with its own small pool, for the job workers. Everything else (realtime,
 * draining, config) is read through to the live context.
 */
function jobsDatabase(ctx: AppContext, url: string): { ctx: AppContext; close(): Promise<void> } {
  const pool = guardPool(createPool(url, ctx.config.JOBS_POOL_SIZE), ctx.logger, 'jobs client');
  const db = createDb(pool);
  const jobsCtx = Object.create(ctx, {
    db: { value: db, enumerable: true },
    pool: { value: pool, enumerable: true },
  }) as AppContext;
  return {
    ctx: jobsCtx,
    close: () => db.destroy().catch((err) => ctx.logger.warn({ err }, 'jobs pool did not end')),
  };
}

export interface Booted {
  server: RunningServer;
  ctx: AppContext;
  stop(): Promise<void>;
}

/** config -> database -> migrations -> seed -> client build -> listen. */
export async function boot(
  config: Config,
  logger: Logger,
  /** Already starting (server/main.ts starts Postgres while this module loads). */
  starting: Promise<Database> = resolveDatabase(config, logger),
): Promise<Booted> {
  const database = await starting;
  const pool = createPool(database.url, config.DATABASE_POOL_SIZE);
  guardPool(pool, logger);
  const db = createDb(pool);
  const stopDb = async () => {
    await db.destroy().catch((err) => logger.warn({ err }, 'pool did not end cleanly'));
    await database.stop();
  };

  try {
    const applied = await migrateToLatest(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if (config.SEED_DEMO && !(await hasUsers(db))) {
      // The demo content is big; it is loaded only for an empty database.
      const { seedDemo } = await import('./seed/demo');
      if ((await seedDemo(db)).seeded) logger.info('demo content seeded');
    }
    if (config.BUILD_CLIENT) await ensureClientBuilt(logger);
    const ctx: AppContext = { config, db, pool, logger, migrationCount: countMigrationFiles() };
    const server = await startServer(ctx, {
      port: config.PORT,
      host: config.HOST,
      clientDir: clientDist,
    });
    // pg-boss (server/jobs); a failed start must not leave the server listening. Without
    // JOBS_ENABLED the queues are still installed: every email is enqueued by the web process.
    // Workers get connections of their own (a bulkhead): a backlog of jobs never makes a
    // request wait for a connection.
    const jobsDb = config.JOBS_ENABLED ? jobsDatabase(ctx, database.url) : undefined;
    const jobs = await startJobs(jobsDb?.ctx ?? ctx, { workers: config.JOBS_ENABLED }).catch(
      async (err: unknown) => {
        await server.close();
        await jobsDb?.close();
        throw err;
      },
    );
    return {
      server,
      ctx,
      // Jobs stop taking work while the server drains; the pools close only after both.
      stop: async () => {
        await Promise.all([jobs.stop(), server.close()]);
        await jobsDb?.close();
        await stopDb();
      },
    };
  } catch (err) {
    await stopDb();
    throw err;
  }
}
