import { sql, type Kysely } from 'kysely';

/**
 * A committed new or read notification NOTIFYs its user's id, so every instance can tell that
 * user's open tabs to refresh the bell (server/realtime/pg-listen.ts). NOTIFY is delivered at
 * commit and not at all on rollback: the signal can never run ahead of the data. Postgres
 * folds identical payloads within one transaction, so marking fifty read sends one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION notification_signal() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('switchboard_notification', NEW.user_id::text);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER notification_signal AFTER INSERT OR UPDATE OF read_at ON notifications
      FOR EACH ROW EXECUTE FUNCTION notification_signal()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER notification_signal ON notifications`.execute(db);
  await sql`DROP FUNCTION notification_signal()`.execute(db);
}
