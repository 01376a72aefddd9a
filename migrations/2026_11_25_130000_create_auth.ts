import { sql, type Kysely } from 'kysely';

/**
 * Accounts and auth: the session table (connect-pg-simple's layout, created here rather than by
 * `createTableIfMissing`), one-time tokens (email verification, password reset), the shared
 * rate-limit counters and the local mail catcher.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // connect-pg-simple reads/writes sid, sess, expire. user_id is derived from the Passport
  // payload so "end every other session of this user" is one indexed DELETE.
  await db.schema
    .createTable('session')
    .addColumn('sid', 'varchar', (c) => c.primaryKey())
    .addColumn('sess', 'jsonb', (c) => c.notNull())
    .addColumn('expire', 'timestamptz', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) =>
      c.generatedAlwaysAs(sql`((sess -> 'passport' ->> 'user')::uuid)`).stored(),
    )
    .execute();
  await db.schema.createIndex('session_expire_idx').on('session').column('expire').execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('auth_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose IN ('verify_email', 'reset_password')`),
    )
    // SHA-256 of the token; the token itself only ever exists in the email.
    .addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
    // For verification: the address the link was sent to, so a later email change voids it.
    .addColumn('email', 'text')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('auth_tokens_user_idx')
    .on('auth_tokens')
    .columns(['user_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limits_reset_idx')
    .on('rate_limits')
    .column('reset_at')
    .execute();

  await db.schema
    .createTable('caught_mail')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('caught_mail_created_idx')
    .on('caught_mail')
    .columns(['created_at desc', 'id desc'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('caught_mail').execute();
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('auth_tokens').execute();
  await db.schema.dropTable('session').execute();
}
