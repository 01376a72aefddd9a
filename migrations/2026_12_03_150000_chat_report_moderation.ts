import { sql, type Kysely } from 'kysely';

/**
 * Chat reports in the moderators' queue: who resolved a report and when, an index for the
 * open ones oldest first, and the moderation log may name a chat message as its target.
 * Also the index the chat's cluster-wide flood limit counts with (a sender's recent messages).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('chat_reports')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`CREATE INDEX chat_reports_open ON chat_reports (created_at, id) WHERE status = 'open'`.execute(
    db,
  );
  await sql`ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_target_type_check,
    ADD CONSTRAINT moderation_log_target_type_check
    CHECK (target_type IN ('thread', 'reply', 'user', 'chat_message'))`.execute(db);
  await sql`CREATE INDEX chat_messages_sender_recent ON chat_messages (sender_id, created_at DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX chat_messages_sender_recent`.execute(db);
  await sql`DELETE FROM moderation_log WHERE target_type = 'chat_message'`.execute(db);
  await sql`ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_target_type_check,
    ADD CONSTRAINT moderation_log_target_type_check
    CHECK (target_type IN ('thread', 'reply', 'user'))`.execute(db);
  await sql`DROP INDEX chat_reports_open`.execute(db);
  await db.schema
    .alterTable('chat_reports')
    .dropColumn('resolved_by')
    .dropColumn('resolved_at')
    .execute();
}
