import { sql, type Kysely } from 'kysely';

/**
 * The forum: replies as a materialized-path tree, votes, karma, edit history, follows and
 * the tag vocabulary. Counters (points, reply_count, karma, …) are denormalized on purpose:
 * list pages read them without joins and they are kept current in the same transaction as
 * the write that changes them.
 */
const visible = sql`deleted_at IS NULL AND hidden_at IS NULL`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('karma', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suspended_until', 'timestamptz')
    .addColumn('suspended_reason', 'text')
    .execute();

  await db.schema
    .alterTable('threads')
    .addColumn('edited_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text')
    .addColumn('locked_at', 'timestamptz')
    .addColumn('locked_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('follower_count', 'integer', (c) => c.notNull().defaultTo(0))
    // HN gravity score as of the last vote/reply/refresh; an upper bound of the score now
    // (scores only decay with time), which is what makes the bounded hot window exact.
    .addColumn('hot_score', 'float8', (c) => c.notNull().defaultTo(0))
    .execute();
  // Hacker News gravity, the one definition both SQL and server/threads/ranking.ts document:
  // (points - 1) / (age_hours + 2)^1.8, evaluated "as of" a given moment.
  await sql`
    CREATE FUNCTION forum_hot_score(points integer, created timestamptz, as_of timestamptz)
    RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (points - 1)::float8
                 / power(greatest(extract(epoch FROM as_of - created)::float8, 0) / 3600 + 2, 1.8) $$`.execute(
    db,
  );
  // INCLUDE points and tags: the hot window is read and re-scored from the index alone.
  await sql`CREATE INDEX threads_hot_idx ON threads (hot_score DESC, created_at DESC, id DESC) INCLUDE (points, tags) WHERE ${visible}`.execute(
    db,
  );
  await sql`CREATE INDEX threads_top_idx ON threads (points DESC, created_at DESC, id DESC) WHERE ${visible}`.execute(
    db,
  );
  await sql`CREATE INDEX threads_unanswered_idx ON threads (created_at, id) WHERE ${visible} AND reply_count = 0 AND helpful_count = 0`.execute(
    db,
  );
  await sql`CREATE INDEX threads_author_created_idx ON threads (author_id, created_at DESC)`.execute(
    db,
  );

  await db.schema
    .createTable('tags')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('starter', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('thread_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The curated starter set as of this migration (shared/taxonomy.ts starterTags); the app
  // also upserts that list, so tags added to it later need no migration.
  const starter = [
    'career-switch',
    'pm-interviews',
    'apm-programs',
    'internal-transfer',
    'startups',
    'consulting',
    'portfolio',
    'resume',
    'founders',
    'technical-pm',
    'mba',
  ];
  await db
    .insertInto('tags')
    .values(starter.map((slug) => ({ slug, starter: true })))
    .execute();

  await sql`CREATE SEQUENCE replies_num_seq`.execute(db);
  await db.schema
    .createTable('replies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // Global counter; its fixed-width hex form is one segment of `path`.
    .addColumn('num', 'bigint', (c) =>
      c
        .notNull()
        .unique()
        .defaultTo(sql`nextval('replies_num_seq')`),
    )
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('parent_id', 'uuid', (c) => c.references('replies.id').onDelete('cascade'))
    // Ancestors' segments + own: ORDER BY path is depth-first in creation order, and a
    // subtree is `path LIKE '<root path>%'`. "C" collation so comparison is bytewise.
    .addColumn('path', sql`text COLLATE "C"`, (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('helpful_at', 'timestamptz')
    .addColumn('revision_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('edited_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('hidden_at', 'timestamptz')
    .addColumn('hidden_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text')
    .execute();
  await sql`ALTER SEQUENCE replies_num_seq OWNED BY replies.num`.execute(db);
  await db.schema.createIndex('replies_thread_idx').on('replies').column('thread_id').execute();
  await db.schema.createIndex('replies_parent_idx').on('replies').column('parent_id').execute();
  await sql`CREATE INDEX replies_author_created_idx ON replies (author_id, created_at DESC)`.execute(
    db,
  );

  await db.schema
    .createTable('revisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('reply_id', 'uuid', (c) => c.references('replies.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('tags', sql`text[]`)
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('written_at', 'timestamptz', (c) => c.notNull())
    .addColumn('replaced_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE UNIQUE INDEX revisions_target_number_key ON revisions (COALESCE(reply_id, thread_id), number)`.execute(
    db,
  );

  await db.schema
    .createTable('thread_votes')
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('thread_votes_pkey', ['thread_id', 'user_id'])
    .execute();
  await sql`CREATE INDEX thread_votes_user_created_idx ON thread_votes (user_id, created_at DESC)`.execute(
    db,
  );

  await db.schema
    .createTable('reply_votes')
    .addColumn('reply_id', 'uuid', (c) => c.notNull().references('replies.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('reply_votes_pkey', ['reply_id', 'user_id'])
    .execute();
  await sql`CREATE INDEX reply_votes_user_thread_idx ON reply_votes (user_id, thread_id)`.execute(
    db,
  );
  await sql`CREATE INDEX reply_votes_user_created_idx ON reply_votes (user_id, created_at DESC)`.execute(
    db,
  );

  await db.schema
    .createTable('thread_follows')
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('thread_follows_pkey', ['thread_id', 'user_id'])
    .execute();
  await sql`CREATE INDEX thread_follows_user_idx ON thread_follows (user_id, created_at DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['thread_follows', 'reply_votes', 'thread_votes', 'revisions', 'replies', 'tags'])
    await db.schema.dropTable(t).execute();
  await sql`DROP INDEX IF EXISTS threads_hot_idx, threads_top_idx, threads_unanswered_idx, threads_author_created_idx`.execute(
    db,
  );
  const threadColumns = [
    'edited_by',
    'updated_at',
    'deleted_at',
    'hidden_at',
    'hidden_by',
    'hidden_reason',
    'locked_at',
    'locked_by',
    'helpful_count',
    'revision_count',
    'follower_count',
    'hot_score',
  ];
  await sql
    .raw(`ALTER TABLE threads ${threadColumns.map((c) => `DROP COLUMN ${c}`).join(', ')}`)
    .execute(db);
  await sql`DROP FUNCTION forum_hot_score(integer, timestamptz, timestamptz)`.execute(db);
  await db.schema
    .alterTable('users')
    .dropColumn('karma')
    .dropColumn('suspended_until')
    .dropColumn('suspended_reason')
    .execute();
}
