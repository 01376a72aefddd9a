import { sql, type Kysely } from 'kysely';

/**
 * Notification preferences and digests. `channels` holds only what a person changed from the
 * defaults in shared/api/notification-settings.ts (so a better default reaches everyone who
 * never chose). The time zone moves onto the account (every person has one, mentor or not).
 * digest_deliveries: one row per (person, period), unique, claimed as the digest is built.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .execute();
  await sql`UPDATE users u SET time_zone = coalesce(
      (SELECT time_zone FROM mentor_profiles m WHERE m.user_id = u.id),
      (SELECT time_zone FROM asker_profiles a WHERE a.user_id = u.id), 'UTC')`.execute(db);
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('channels', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('digest_frequency', 'text', (c) =>
      c
        .notNull()
        .defaultTo('daily')
        .check(sql`digest_frequency IN ('daily','weekly','never')`),
    )
    .addColumn('digest_hour', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(8)
        .check(sql`digest_hour BETWEEN 0 AND 23`),
    )
    .addColumn('digest_weekday', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`digest_weekday BETWEEN 1 AND 7`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('digest_deliveries')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('claimed')
        .check(sql`status IN ('claimed','queued','empty','skipped')`),
    )
    .addColumn('since', 'timestamptz', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('reason', 'text')
    /** What the digest says, built with its batch; the mail job renders it. */
    .addColumn('content', 'jsonb')
    .addPrimaryKeyConstraint('digest_deliveries_pkey', ['user_id', 'period'])
    .execute();
  await db.schema
    .createTable('digest_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('last_run_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digest_runs').execute();
  await db.schema.dropTable('digest_deliveries').execute();
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.alterTable('users').dropColumn('time_zone').execute();
}
