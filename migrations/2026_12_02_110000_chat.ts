import { sql, type Kysely } from 'kysely';

/**
 * Live mentor chat, on the pair's existing `conversations` row.
 *
 * - chat_messages: the client makes each message's id (uuid), so a resent message hits the
 *   primary key instead of becoming a second row. `seq` is the conversation's stream
 *   sequence number (the same thread_event_counters/thread_events log threads use, keyed by
 *   the conversation id), unique per conversation, so order = sequence order.
 * - conversation_participants gains each person's read position (last_read_seq: the sender
 *   sees "Seen" up to it), when they last had the chat open, and how far the unread email
 *   already told them (so a later burst mails only what is new).
 * - conversations gains last_message_at, for the inbox's "most recent first".
 * - chat_settings: per person, chat emails on unless turned off (no row = on).
 * - chat_reports: a message reported to the moderators.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('conversation_id', 'uuid', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('sender_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body_md', 'text', (c) =>
      c.notNull().check(sql`char_length(body_md) BETWEEN 0 AND 4000`),
    )
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('pinned_at', 'timestamptz')
    .addColumn('pinned_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('chat_messages_conversation_seq', ['conversation_id', 'seq'])
    .execute();
  await sql`CREATE INDEX chat_messages_pinned ON chat_messages (conversation_id, pinned_at) WHERE pinned_at IS NOT NULL`.execute(
    db,
  );

  await db.schema
    .alterTable('conversation_participants')
    .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('emailed_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('conversations').addColumn('last_message_at', 'timestamptz').execute();
  await sql`CREATE INDEX conversations_last_message ON conversations (last_message_at DESC NULLS LAST, id)`.execute(
    db,
  );

  await db.schema
    .createTable('chat_settings')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('email_unread', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('chat_reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('message_id', 'uuid', (c) =>
      c.notNull().references('chat_messages.id').onDelete('cascade'),
    )
    .addColumn('reporter_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason IN ('spam', 'harassment', 'off_topic', 'other')`),
    )
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status IN ('open', 'resolved')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('chat_reports_once', ['message_id', 'reporter_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('chat_reports').execute();
  await db.schema.dropTable('chat_settings').execute();
  await sql`DROP INDEX conversations_last_message`.execute(db);
  await db.schema.alterTable('conversations').dropColumn('last_message_at').execute();
  await db.schema
    .alterTable('conversation_participants')
    .dropColumn('last_read_seq')
    .dropColumn('last_seen_at')
    .dropColumn('emailed_seq')
    .execute();
  await db.schema.dropTable('chat_messages').execute();
}
