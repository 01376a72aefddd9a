import { sql, type Kysely } from 'kysely';

/** Flags raised by members, and the audit log of every moderator action. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('flags')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('target_type', 'text', (c) =>
      c.notNull().check(sql`target_type IN ('thread', 'reply')`),
    )
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('reply_id', 'uuid', (c) => c.references('replies.id').onDelete('cascade'))
    .addColumn('reporter_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason IN ('spam', 'abuse', 'off-topic', 'other')`),
    )
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status IN ('open', 'dismissed', 'actioned')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('flags_reporter_target_key', ['reporter_id', 'target_type', 'target_id'])
    .execute();
  await sql`CREATE INDEX flags_open_idx ON flags (target_type, target_id, created_at) WHERE status = 'open'`.execute(
    db,
  );

  await db.schema
    .createTable('moderation_log')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('moderator_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) =>
      c.notNull().check(sql`target_type IN ('thread', 'reply', 'user')`),
    )
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    // No foreign keys: the log outlives what it talks about.
    .addColumn('thread_id', 'uuid')
    .addColumn('reason', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX moderation_log_created_idx ON moderation_log (created_at DESC, id DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX moderation_log_target_idx ON moderation_log (target_id, created_at DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('moderation_log').execute();
  await db.schema.dropTable('flags').execute();
}
