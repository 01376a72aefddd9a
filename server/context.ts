import type { Logger } from 'pino';
import type pg from 'pg';
import type { Config } from './config';
import type { Db } from './db';
import type { Realtime } from './realtime/setup';

/** What every feature needs, built once by `createServer` and passed down explicitly. */
export interface AppContext {
  config: Config;
  db: Db;
  pool: pg.Pool;
  logger: Logger;
  /** Number of migration files at start-up; /readyz compares the database with it. */
  migrationCount: number;
  /** Reaches connected clients on every instance; set by startServer (absent in scripts). */
  realtime?: Realtime;
  /** Set on SIGTERM: /readyz answers 503 and every response closes its connection. */
  draining?: boolean;
}
