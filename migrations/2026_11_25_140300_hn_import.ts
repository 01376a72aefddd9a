import { sql, type Kysely } from 'kysely';

/** What the Hacker News import created, keyed by HN id, so re-importing changes nothing. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hn_users')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createTable('hn_items')
    .addColumn('hn_id', 'bigint', (c) => c.primaryKey())
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('reply_id', 'uuid', (c) => c.references('replies.id').onDelete('cascade'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hn_items').execute();
  await db.schema.dropTable('hn_users').execute();
}
