import { sql, type Kysely } from 'kysely';

/**
 * Rate-limit counters skip the write-ahead log. A sign-in moves two counters up and back down
 * (express-rate-limit counts failures that way), and as logged writes each waited for a WAL
 * flush: four disk flushes per sign-in for numbers nobody needs after a crash. After a crash
 * Postgres empties an unlogged table, so counters restart from zero — a limiter can afford
 * that; the accounts and sessions themselves stay fully durable.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rate_limits SET UNLOGGED`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rate_limits SET LOGGED`.execute(db);
}
