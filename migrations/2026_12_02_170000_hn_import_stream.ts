import { sql, type Kysely } from 'kysely';

/**
 * What a streaming Hacker News import needs to survive Ctrl-C and shuffled dumps:
 * - hn_pending: replies that arrived before their parent, attached when the parent comes
 *   (possibly in a later file);
 * - hn_import_checkpoints: how many records of a file are committed, so a rerun resumes;
 * - hn_import_dirty: threads whose counters still need recounting (done at the end of a
 *   run, and by the next run if this one was interrupted).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hn_pending')
    .addColumn('hn_id', 'bigint', (c) => c.primaryKey())
    .addColumn('parent_hn_id', 'bigint', (c) => c.notNull())
    .addColumn('item', 'jsonb', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hn_pending_parent_idx')
    .on('hn_pending')
    .column('parent_hn_id')
    .execute();
  await db.schema
    .createTable('hn_import_checkpoints')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('records', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('hn_import_dirty')
    .addColumn('thread_id', 'uuid', (c) =>
      c.primaryKey().references('threads.id').onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hn_import_dirty').execute();
  await db.schema.dropTable('hn_import_checkpoints').execute();
  await db.schema.dropTable('hn_pending').execute();
}
