import { sql, type Kysely } from 'kysely';

/**
 * "Email me when a message waits unread" (Messages → settings) becomes the chat_message
 * notification category, the one /settings/notifications and one-click unsubscribe change:
 * whoever had turned it off there keeps it off (in the app only). chat_settings is no longer
 * read; it stays until a later release drops it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`INSERT INTO notification_settings (user_id, channels)
    SELECT user_id, '{"chat_message": "app"}'::jsonb FROM chat_settings WHERE NOT email_unread
    ON CONFLICT (user_id) DO UPDATE
      SET channels = notification_settings.channels || '{"chat_message": "app"}'::jsonb`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`INSERT INTO chat_settings (user_id, email_unread)
    SELECT user_id, false FROM notification_settings
     WHERE channels->>'chat_message' IN ('app', 'off')
    ON CONFLICT (user_id) DO UPDATE SET email_unread = false`.execute(db);
}
