import { sql, type Kysely } from 'kysely';

/**
 * Realtime: the per-thread event log that makes reconnects lossless, and the table the
 * Socket.IO Postgres adapter (CLUSTER=postgres) needs for messages over NOTIFY's 8000 bytes.
 *
 * `thread_event_counters` is its own table, not a column on `threads`: services lock thread
 * rows (SELECT … FOR UPDATE) early in a transaction, and the counter is locked last (when the
 * events are recorded), so keeping them apart means the two never wait on each other in
 * opposite orders. For the same reason neither table has a foreign key to `threads` (the
 * key check would take a share lock on the thread row); events of a purged thread expire with
 * the retention window.
 *
 * A trigger on `session` (server/auth's table) announces every ended session — sign-out,
 * "end my other sessions", password reset, account deletion, expiry — on a NOTIFY channel,
 * so each instance disconnects that session's sockets at once, whichever code path ended it.
 * Only a hash of the session id is sent (the id itself is the secret).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('thread_event_counters')
    .addColumn('thread_id', 'uuid', (c) => c.primaryKey())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('thread_events')
    .addColumn('thread_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('thread_events_pkey', ['thread_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('thread_events_created_idx')
    .on('thread_events')
    .column('created_at')
    .execute();

  await sql`
    CREATE FUNCTION realtime_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('switchboard_session_ended',
                        left(encode(sha256(convert_to(OLD.sid, 'UTF8')), 'hex'), 32));
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER session_ended_notify AFTER DELETE ON session
      FOR EACH ROW EXECUTE FUNCTION realtime_session_ended()`.execute(db);

  // The shape @socket.io/postgres-adapter documents; it deletes rows older than 30 s itself.
  await db.schema
    .createTable('socket_io_attachments')
    .addColumn('id', 'bigserial', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.defaultTo(sql`now()`))
    .addColumn('payload', 'bytea')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER session_ended_notify ON session`.execute(db);
  await sql`DROP FUNCTION realtime_session_ended()`.execute(db);
  await db.schema.dropTable('socket_io_attachments').execute();
  await db.schema.dropTable('thread_events').execute();
  await db.schema.dropTable('thread_event_counters').execute();
}
