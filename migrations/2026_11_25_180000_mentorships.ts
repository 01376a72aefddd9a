import { sql, type Kysely } from 'kysely';

/**
 * Mentorship requests, mentorships, their event log, the pair's conversation record,
 * mentor pauses and in-app notifications.
 *
 * - mentorship_requests: one row per request; at most one *open* request per asker+mentor
 *   (partial unique index), so a double-click or a race cannot create two.
 * - mentorships: created when a request is accepted; at most one active per pair.
 * - mentorship_events: every state change (who, what, when); actor_id NULL = the system.
 * - conversations + conversation_participants: the pair's conversation (the chat itself is a
 *   later feature). pair_key makes "one conversation per pair" hold under races.
 * - mentor_pauses: why a mentor was paused and the capacity to restore. Paused itself is
 *   mentor_profiles.capacity = 0, which matching and the mentor list already respect.
 * - notifications: in-app notifications, read by key (id). dedupe_key makes a retried job
 *   or hook notify once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mentorship_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('asker_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'uuid', (c) => c.references('threads.id').onDelete('set null'))
    .addColumn('message', 'text', (c) =>
      c.notNull().check(sql`char_length(message) BETWEEN 1 AND 4000`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status IN ('open', 'accepted', 'declined', 'expired', 'withdrawn')`),
    )
    .addColumn('decline_reason', 'text', (c) =>
      c.check(sql`decline_reason IN ('no_time', 'not_my_expertise', 'better_fit', 'other')`),
    )
    .addColumn('decline_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .addCheckConstraint('mentorship_requests_not_self', sql`asker_id <> mentor_id`)
    .execute();
  await sql`CREATE UNIQUE INDEX mentorship_requests_one_open ON mentorship_requests (asker_id, mentor_id) WHERE status = 'open'`.execute(
    db,
  );
  await sql`CREATE INDEX mentorship_requests_due ON mentorship_requests (expires_at) WHERE status = 'open'`.execute(
    db,
  );
  await db.schema
    .createIndex('mentorship_requests_asker_idx')
    .on('mentorship_requests')
    .columns(['asker_id', 'created_at desc'])
    .execute();
  await db.schema
    .createIndex('mentorship_requests_mentor_idx')
    .on('mentorship_requests')
    .columns(['mentor_id', 'created_at desc'])
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('mentorship'))
    // "<smaller user id>:<larger user id>" for two-person conversations.
    .addColumn('pair_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('conversation_participants')
    .addColumn('conversation_id', 'uuid', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('conversation_participants_pkey', ['conversation_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('conversation_participants_user_idx')
    .on('conversation_participants')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('mentorships')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (c) =>
      c.notNull().unique().references('mentorship_requests.id').onDelete('cascade'),
    )
    .addColumn('asker_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('conversation_id', 'uuid', (c) =>
      c.notNull().references('conversations.id').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status IN ('active', 'ended')`),
    )
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ended_at', 'timestamptz')
    .addColumn('ended_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('end_feedback', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX mentorships_one_active ON mentorships (asker_id, mentor_id) WHERE status = 'active'`.execute(
    db,
  );
  await sql`CREATE INDEX mentorships_mentor_active ON mentorships (mentor_id) WHERE status = 'active'`.execute(
    db,
  );
  await db.schema
    .createIndex('mentorships_asker_idx')
    .on('mentorships')
    .columns(['asker_id', 'started_at desc'])
    .execute();

  await db.schema
    .createTable('mentorship_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('request_id', 'uuid', (c) =>
      c.references('mentorship_requests.id').onDelete('cascade'),
    )
    .addColumn('mentorship_id', 'uuid', (c) => c.references('mentorships.id').onDelete('cascade'))
    .addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('mentorship_events_request_idx')
    .on('mentorship_events')
    .columns(['request_id', 'id'])
    .execute();
  await db.schema
    .createIndex('mentorship_events_mentorship_idx')
    .on('mentorship_events')
    .columns(['mentorship_id', 'id'])
    .execute();

  await db.schema
    .createTable('mentor_pauses')
    .addColumn('mentor_id', 'uuid', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason IN ('expired_requests', 'manual')`),
    )
    .addColumn('capacity_before', 'integer', (c) => c.notNull())
    .addColumn('paused_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Requests received before this moment no longer count towards an automatic pause.
    .addColumn('resumed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('dedupe_key', 'text')
    .addColumn('read_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'id desc'])
    .execute();
  await sql`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX notifications_dedupe ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX notifications_kind_recent ON notifications (user_id, kind, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('mentor_pauses').execute();
  await db.schema.dropTable('mentorship_events').execute();
  await db.schema.dropTable('mentorships').execute();
  await db.schema.dropTable('conversation_participants').execute();
  await db.schema.dropTable('conversations').execute();
  await db.schema.dropTable('mentorship_requests').execute();
}
