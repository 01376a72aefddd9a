import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import type { Db } from '../db';

/** The row key of a limit's counter: hashed, so the table holds no email address or IP. */
export function storeKey(prefix: string, key: string): string {
  return createHash('sha256').update(prefix).update('\0').update(key).digest('base64url');
}

/**
 * express-rate-limit Store in Postgres: counters hold across every app instance on the
 * database. One fixed window per key, advanced atomically by a single upsert. Keys are hashed
 * (they may contain an email address or IP; the table keeps neither).
 */
export class PostgresStore implements Store {
  localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  private key(key: string): string {
    return storeKey(this.prefix, key);
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['hits', 'reset_at'])
      .where('key', '=', this.key(key))
      .where('reset_at', '>', sql<Date>`now()`)
      .executeTakeFirst();
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { rows } = await sql<{ hits: number; reset_at: Date }>`
      INSERT INTO rate_limits (key, hits, reset_at)
      VALUES (${this.key(key)}, 1, now() + ${this.windowMs} * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
        reset_at = CASE WHEN rate_limits.reset_at <= now() THEN excluded.reset_at
                        ELSE rate_limits.reset_at END
      RETURNING hits, reset_at`.execute(this.db);
    // Expired windows are dead rows; sweep now and then rather than on a timer per instance.
    if (Math.random() < 0.01) void this.prune();
    return { totalHits: rows[0]!.hits, resetTime: rows[0]!.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await sql`UPDATE rate_limits SET hits = greatest(hits - 1, 0)
              WHERE key = ${this.key(key)} AND reset_at > now()`.execute(this.db);
  }

  async resetKey(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', this.key(key)).execute();
  }

  private async prune(): Promise<void> {
    await sql`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 minute'`
      .execute(this.db)
      .catch(() => {});
  }
}
