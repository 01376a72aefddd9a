import { sql, type Kysely } from 'kysely';

/**
 * When this participant's unread-email job was queued (null: none is). A send enqueues one
 * only when it finds none queued, in the send's transaction, and the job clears the mark
 * under the same row lock before it decides, so a message that arrives while the job runs
 * queues the next one. A mark older than the delay plus an hour counts as none (a job that
 * failed for good must not silence the conversation). Before: every message inserted a job
 * that the queue's singleton key then discarded — the heaviest write of a chat message. A
 * participant with a job queued before this migration starts with none: its next message
 * enqueues again, and the singleton key still keeps that to one job.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE conversation_participants
    ADD COLUMN email_job_at timestamptz`.execute(db);
  // Every send reads its conversation's mentorship (is it still active?): without this it
  // scanned the whole table.
  await sql`CREATE INDEX mentorships_conversation ON mentorships (conversation_id, started_at DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX mentorships_conversation`.execute(db);
  await sql`ALTER TABLE conversation_participants DROP COLUMN email_job_at`.execute(db);
}
