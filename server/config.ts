import { z } from 'zod';

/**
 * Every setting comes from the environment and is parsed once, here. A bad value stops
 * start-up with a message naming the variable and the form it expects.
 * The README's configuration table mirrors this list.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, { message: 'expected a postgres://user:pass@host:port/db URL' });

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int()
    .min(0, { message: 'expected a port number 0-65535' })
    .max(65535, { message: 'expected a port number 0-65535' })
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Public origin of the app, used for links in emails and the Origin checks. */
  PUBLIC_URL: z
    .url({ message: 'expected an absolute URL such as https://switchboard.example' })
    .optional(),
  DATABASE_URL: postgresUrl.optional(),
  /** Where the embedded Postgres and the local mail catcher keep their files. */
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .max(200)
    .default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  SESSION_SECRET: z.string().min(32, { message: 'expected at least 32 characters' }).optional(),
  TRUST_PROXY: bool.default(false),
  SEED_DEMO: bool.default(true),
  BUILD_CLIENT: bool.default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'expected milliseconds' })
    .int()
    .min(0)
    .default(10_000),
});

export type Config = z.infer<typeof configSchema> & { isProduction: boolean };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = result.data;
  if (cfg.NODE_ENV === 'production' && !cfg.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)',
    );
  }
  return { ...cfg, isProduction: cfg.NODE_ENV === 'production' };
}
