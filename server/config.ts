import { randomBytes } from 'node:crypto';
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
  /**
   * Interface to listen on. Outside production only this machine (the dev mail catcher shows
   * reset links); the Docker image and docker-compose set 0.0.0.0 themselves.
   */
  HOST: z.string().min(1).optional(),
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
    // Background-job setup holds one connection for its lock while pg-boss uses another.
    .min(2, { message: 'expected at least 2' })
    .max(200)
    .default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  SESSION_SECRET: z.string().min(32, { message: 'expected at least 32 characters' }).optional(),
  TRUST_PROXY: bool.default(false),
  SEED_DEMO: bool.default(true),
  BUILD_CLIENT: bool.default(true),
  /** SMTP server for outgoing mail (smtp://user:pass@host:587); unset = the local mail catcher. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'expected an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Switchboard <no-reply@switchboard.local>'),
  /**
   * SMTP connections each process keeps open and reuses (a nodemailer pool): a new TCP + TLS
   * + AUTH handshake per message would cap a digest run at a few dozen messages a second.
   */
  SMTP_POOL_SIZE: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .max(50)
    .default(5),
  /** Sign a user out after this long without a request (seconds). */
  SESSION_IDLE_SECONDS: z.coerce
    .number({ message: 'expected seconds' })
    .int()
    .min(1)
    .default(7 * 86_400),
  /** Sign a user out this long after sign-in, however active (seconds). */
  SESSION_ABSOLUTE_SECONDS: z.coerce
    .number({ message: 'expected seconds' })
    .int()
    .min(1)
    .default(30 * 86_400),
  /** argon2id cost; lower than 19456 KiB / 2 passes is refused outside NODE_ENV=test. */
  ARGON2_MEMORY_KIB: z.coerce.number({ message: 'expected KiB' }).int().min(8).default(19_456),
  ARGON2_TIME_COST: z.coerce.number({ message: 'expected a pass count' }).int().min(1).default(2),
  ARGON2_PARALLELISM: z.coerce
    .number({ message: 'expected a thread count' })
    .int()
    .min(1)
    .max(16)
    .default(1),
  // Rate limits (attempts per window; windows fixed in server/ratelimit/limits.ts).
  /**
   * Failed sign-ins per email or handle as typed (normalised, never resolved to the account),
   * from browsers that hold no device cookie for that account. Unset: the old name below.
   */
  RATE_LIMIT_SIGNIN_PER_LOGIN: z.coerce
    .number({ message: 'expected a count' })
    .int()
    .min(1)
    .optional(),
  /** The earlier name of RATE_LIMIT_SIGNIN_PER_LOGIN, still read so deployments keep their value. */
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: z.coerce
    .number({ message: 'expected a count' })
    .int()
    .min(1)
    .optional(),
  /** Failed sign-ins per browser holding a device cookie for the account (OWASP device cookies). */
  RATE_LIMIT_SIGNIN_PER_DEVICE: z.coerce
    .number({ message: 'expected a count' })
    .int()
    .min(1)
    .default(10),
  RATE_LIMIT_SIGNIN_PER_IP: z.coerce
    .number({ message: 'expected a count' })
    .int()
    .min(1)
    .default(50),
  RATE_LIMIT_SIGNUP_PER_IP: z.coerce
    .number({ message: 'expected a count' })
    .int()
    .min(1)
    .default(10),
  RATE_LIMIT_RESET_PER_IP: z.coerce
    .number({ message: 'expected a count' })
    .int()
    .min(1)
    .default(10),
  // Forum (server/threads, server/replies, server/votes, server/moderation).
  /** Authors may edit a thread or reply for this many hours; moderators always. */
  FORUM_EDIT_WINDOW_HOURS: z.coerce.number({ message: 'expected hours' }).min(0).default(24),
  /** Accounts younger than this get the stricter posting and voting limits. */
  FORUM_NEW_ACCOUNT_HOURS: z.coerce.number({ message: 'expected hours' }).min(0).default(24),
  /** Threads + replies one member may post per hour (FORUM_POSTS_PER_HOUR_NEW if new). */
  FORUM_POSTS_PER_HOUR: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .default(30),
  FORUM_POSTS_PER_HOUR_NEW: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .default(5),
  /** Upvotes one member may give per rolling 24 h (FORUM_VOTES_PER_DAY_NEW if new). */
  FORUM_VOTES_PER_DAY: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .default(100),
  FORUM_VOTES_PER_DAY_NEW: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .default(10),
  /** Karma a member needs to create a tag outside the curated starter set. */
  FORUM_NEW_TAG_MIN_KARMA: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(0)
    .default(50),
  /** Hot list: how many threads (by stored score) are re-scored per request. */
  FORUM_HOT_CANDIDATES: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(50)
    .max(20_000)
    .default(1000),
  /**
   * Hot list, new-question floor: a question with no replies younger than this many hours
   * ranks at least around FORUM_HOT_NEW_POSITION, so its asker and first answerers find it
   * (0 = off). Every other thread keeps its order (server/threads/ranking.ts).
   */
  FORUM_HOT_NEW_HOURS: z.coerce.number({ message: 'expected hours' }).min(0).max(48).default(3),
  /** Hot list: the position a new, unanswered question is lifted to (1 = the top). */
  FORUM_HOT_NEW_POSITION: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .max(100)
    .default(3),
  /** Seconds a list page is served from memory (0 = off); local writes clear it at once. */
  FORUM_LIST_CACHE_SECONDS: z.coerce
    .number({ message: 'expected seconds' })
    .min(0)
    .max(300)
    .default(2),
  /** Seconds a thread is served from memory to anonymous readers (0 = off); writes clear it. */
  FORUM_THREAD_CACHE_SECONDS: z.coerce
    .number({ message: 'expected seconds' })
    .min(0)
    .max(300)
    .default(2),
  /** Unanswered list: only questions younger than this many days, oldest first. */
  FORUM_UNANSWERED_WINDOW_DAYS: z.coerce
    .number({ message: 'expected days' })
    .int()
    .min(1)
    .default(30),
  /** URLs per sitemap page (/sitemap/threads-N.xml); the protocol allows at most 50,000. */
  SITEMAP_PAGE_SIZE: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .max(50_000, { message: 'expected at most 50000 (the sitemap protocol limit)' })
    .default(10_000),
  // Mentorships and notifications (server/mentorships, server/notifications).
  /** An unanswered mentorship request expires after this many days; the asker is told. */
  MENTORSHIP_REQUEST_TTL_DAYS: z.coerce.number({ message: 'expected days' }).min(0.01).default(7),
  /** Open (unanswered) requests one asker may have at a time. */
  MENTORSHIP_MAX_OPEN_REQUESTS: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .default(3),
  /** A mentor whose this-many latest requests all expired is paused automatically. */
  MENTORSHIP_AUTO_PAUSE_EXPIRED: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .default(3),
  /** Best-matching opted-in mentors told about a new question (each within their daily cap). */
  QUESTION_NOTIFY_MENTORS: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(0)
    .max(20)
    .default(3),
  /** Background jobs (pg-boss: request expiry sweep). Off = run no scheduler in this process. */
  JOBS_ENABLED: bool.default(true),
  /** How often an idle job worker looks for new jobs (seconds; pg-boss polls). */
  JOBS_POLL_SECONDS: z.coerce.number({ message: 'expected seconds' }).min(0.5).default(2),
  /**
   * The job workers' own connections, apart from DATABASE_POOL_SIZE: after an outage the
   * retried mails and digests all run at once, and on the shared pool they starved the
   * requests (503 for seconds after the database was back). Setup holds one for its lock.
   */
  JOBS_POOL_SIZE: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(2, { message: 'expected at least 2' })
    .max(100)
    .default(4),
  /** A mail or digest job still running after this long is taken as lost (its worker died) and retried. */
  JOBS_TIMEOUT_SECONDS: z.coerce.number({ message: 'expected seconds' }).int().min(1).default(300),
  /** How often pg-boss looks for such lost jobs (seconds). */
  JOBS_MAINTENANCE_SECONDS: z.coerce
    .number({ message: 'expected seconds' })
    .int()
    .min(1)
    .default(120),
  /** A temporary SMTP failure (refused, 4xx) is retried this many times... */
  MAIL_RETRY_LIMIT: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(0)
    .default(12),
  /** ...first after about this long, doubling each time (12 × from 30 s covers well over an hour). */
  MAIL_RETRY_DELAY_SECONDS: z.coerce
    .number({ message: 'expected seconds' })
    .int()
    .min(1)
    .default(30),
  MAIL_RETRY_BACKOFF: bool.default(true),
  /** Secret for unsubscribe links (HMAC); falls back to SESSION_SECRET, then a dev-only value. */
  UNSUBSCRIBE_SECRET: z.string().min(32, { message: 'expected at least 32 characters' }).optional(),
  /** Digests are not sent to someone active on the site this recently with nothing unread (hours). */
  DIGEST_ACTIVE_HOURS: z.coerce.number({ message: 'expected hours' }).min(0).default(3),
  /** People whose digests one job builds and sends (constant queries per batch). */
  DIGEST_BATCH_SIZE: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .max(1000)
    .default(100),
  // Realtime (server/realtime).
  /**
   * How instances share Socket.IO rooms: off (one instance, in memory), postgres (NOTIFY on
   * DATABASE_URL), redis (Redis streams on REDIS_URL). Unset: redis when REDIS_URL is set.
   */
  CLUSTER: z
    .enum(['off', 'postgres', 'redis'], { message: 'expected off, postgres or redis' })
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'expected a redis://host:6379 or rediss:// URL' })
    .optional(),
  /** Key/channel prefix in Redis, so several apps (or test runs) can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'expected letters, digits, : _ - (at most 64)' })
    .default('switchboard'),
  /** Messages one socket may send per 10 seconds; past that it is told, then disconnected. */
  SOCKET_EVENTS_PER_10S: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(5)
    .default(60),
  /** A reconnecting client is sent at most this many missed thread events, else refetches. */
  REALTIME_REPLAY_MAX: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(10)
    .max(5000)
    .default(500),
  /** Thread events are kept this long for replays (hours). */
  REALTIME_EVENT_RETENTION_HOURS: z.coerce.number({ message: 'expected hours' }).min(1).default(48),
  /** An unread chat message is emailed after this many minutes (fractions allowed). */
  CHAT_EMAIL_DELAY_MINUTES: z.coerce.number({ message: 'expected minutes' }).min(0).default(10),
  /** Chat messages one person may send per 10 seconds (across every instance); more are refused. */
  CHAT_MESSAGES_PER_10S: z.coerce
    .number({ message: 'expected a whole number' })
    .int()
    .min(1)
    .default(20),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'expected milliseconds' })
    .int()
    .min(0)
    .default(10_000),
});

export type Config = Omit<
  z.infer<typeof configSchema>,
  'HOST' | 'RATE_LIMIT_SIGNIN_PER_LOGIN' | 'RATE_LIMIT_SIGNIN_PER_ACCOUNT'
> & {
  HOST: string;
  RATE_LIMIT_SIGNIN_PER_LOGIN: number;
  isProduction: boolean;
};

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
  if (cfg.NODE_ENV !== 'test' && (cfg.ARGON2_MEMORY_KIB < 19_456 || cfg.ARGON2_TIME_COST < 2)) {
    throw new ConfigError(
      'Invalid configuration:\n  ARGON2_MEMORY_KIB / ARGON2_TIME_COST: at least 19456 KiB and 2 passes (OWASP minimum)',
    );
  }
  if (cfg.CLUSTER === 'redis' && !cfg.REDIS_URL) {
    throw new ConfigError('Invalid configuration:\n  REDIS_URL: required when CLUSTER=redis');
  }
  const isProduction = cfg.NODE_ENV === 'production';
  const { RATE_LIMIT_SIGNIN_PER_ACCOUNT, ...rest } = cfg;
  return {
    ...rest,
    HOST: cfg.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    RATE_LIMIT_SIGNIN_PER_LOGIN:
      cfg.RATE_LIMIT_SIGNIN_PER_LOGIN ?? RATE_LIMIT_SIGNIN_PER_ACCOUNT ?? 10,
    SESSION_SECRET: cfg.SESSION_SECRET ?? testSessionSecret(cfg.NODE_ENV),
    isProduction,
  };
}

/** Public (it is in this repository): only ever used inside the test runner. */
export const TEST_RUNNER_SESSION_SECRET = 'switchboard-test-session-secret-0123456789';

/**
 * NODE_ENV=test without SESSION_SECRET: the fixed secret only under the test runner itself
 * (Vitest sets VITEST in its workers), so in-process apps accept each other's cookies. Any
 * other start with NODE_ENV=test — a deployment that copied the value — gets a random secret,
 * never the public one. Development keeps its random secret in DATA_DIR (server/auth/session.ts).
 */
function testSessionSecret(nodeEnv: string): string | undefined {
  if (nodeEnv !== 'test') return undefined;
  return process.env.VITEST ? TEST_RUNNER_SESSION_SECRET : randomBytes(32).toString('base64url');
}
