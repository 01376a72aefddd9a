import { sql, type Kysely } from 'kysely';

/**
 * One row per email job that reached an end: sent, failed for good (the SMTP server's 5xx reason
 * kept), or skipped (the person deleted the account, turned the kind off, already read it).
 * The job id is unique, so a retry after an uncertain send finds the row and does not send again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('email_deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('job_id', 'uuid', (c) => c.notNull().unique())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_address', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('sent','failed','skipped')`),
    )
    .addColumn('reason', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('email_deliveries_recent_idx')
    .on('email_deliveries')
    .columns(['created_at desc'])
    .execute();
  await db.schema
    .createIndex('email_deliveries_failed_idx')
    .on('email_deliveries')
    .columns(['created_at desc'])
    .where(sql.ref('status'), '=', 'failed')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_deliveries').execute();
}
