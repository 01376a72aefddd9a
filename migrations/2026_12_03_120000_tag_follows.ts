import { sql, type Kysely } from 'kysely';

/**
 * Following a tag: the digest's "top threads in the tags you follow" reads it. Tags are the
 * `tags` vocabulary (slug primary key; threads carry them in `threads.tags text[]`), so a
 * follow references the slug and goes with it. The primary key (user_id, tag) makes a second
 * follow a no-op; the tag index answers "who follows this tag".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tag_follows')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) =>
      c.notNull().references('tags.slug').onDelete('cascade').onUpdate('cascade'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('tag_follows_pkey', ['user_id', 'tag'])
    .execute();
  await db.schema.createIndex('tag_follows_tag_idx').on('tag_follows').column('tag').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tag_follows').execute();
}
