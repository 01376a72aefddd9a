import { pino, type Logger } from 'pino';
import { afterAll } from 'vitest';
import { countMigrationFiles } from '../../server/boot';
import { clientDist } from '../../server/client-build';
import { loadConfig, type Config } from '../../server/config';
import type { AppContext } from '../../server/context';
import type { AppOptions } from '../../server/http/app';
import { startJobs, type Jobs } from '../../server/jobs';
import { seedDemo } from '../../server/seed/demo';
import { startServer, type RunningServer } from '../../server/server';
import { createTestDatabase, type TestDatabase } from './db';

export interface TestApp {
  url: string;
  ctx: AppContext;
  server: RunningServer;
  jobs: Jobs;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions extends AppOptions {
  env?: Record<string, string>;
  /** Seed the demo community into this file's database. */
  seed?: boolean;
  /** Serve the built client (browser tests). */
  client?: boolean;
  /** Reuse a database (e.g. a second instance on the same data). */
  database?: TestDatabase;
  logger?: Logger;
  /** Run the job workers (mail, digests) in this app; default true. false = enqueue only. */
  jobs?: boolean;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    // Jobs in tests: quick polling and short, plain retries (no waiting for backoff).
    JOBS_POLL_SECONDS: '0.5',
    MAIL_RETRY_DELAY_SECONDS: '1',
    MAIL_RETRY_BACKOFF: 'false',
    ...env,
  });
}

/** The real app (HTTP + Socket.IO) on a random port with its own database. Closed after the file. */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const config = testConfig(opts.env);
  const logger = opts.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const ctx: AppContext = {
    config,
    db: database.db,
    pool: database.pool,
    logger,
    migrationCount: countMigrationFiles(),
  };
  if (opts.seed) await seedDemo(database.db);
  const server = await startServer(ctx, {
    ...opts,
    port: 0,
    // 0.0.0.0 only for a test that reaches the app from a non-loopback address.
    host: opts.env?.HOST ?? '127.0.0.1',
    clientDir: opts.clientDir ?? (opts.client ? clientDist : undefined),
  });
  const jobs = await startJobs(ctx, { workers: opts.jobs ?? true });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await jobs.stop();
    await server.close();
    if (!opts.database) await database.destroy();
  };
  afterAll(close);
  return { url: `http://127.0.0.1:${server.port}`, ctx, server, jobs, database, close };
}
