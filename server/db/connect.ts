import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { projectRoot } from '../lib/project-root';
import { startEmbeddedPostgres } from './embedded';

export { projectRoot };

/** DATABASE_URL when set; otherwise the embedded Postgres under DATA_DIR. Same path after. */
export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function resolveDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
  logger: Logger,
): Promise<Database> {
  if (config.DATABASE_URL)
    return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  const started = Date.now();
  const pg = await startEmbeddedPostgres(path.resolve(projectRoot, config.DATA_DIR), (line) =>
    logger.debug({ postgres: line }),
  );
  logger.info({ ms: Date.now() - started }, 'embedded PostgreSQL started');
  return { url: pg.url, embedded: true, stop: pg.stop };
}
