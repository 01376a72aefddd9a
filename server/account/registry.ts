import { sql } from 'kysely';
import type { Db } from '../db';

/**
 * Where a person's data lives, table by table. Data export reads `exported`; account deletion
 * deletes `erased`. A feature that adds a table holding what people write (or personal data)
 * adds one line here. Entries whose table or column does not exist (yet) are skipped, so this
 * list may run ahead of the migrations.
 */
export interface UserTable {
  /** Key in the export JSON. */
  name: string;
  table: string;
  /** Column holding the user's id. */
  column: string;
  /** Columns left out of the export (derived or internal). */
  omit?: string[];
  /** Order rows by this column (oldest first). */
  orderBy?: string;
}

export const exported: UserTable[] = [
  {
    name: 'threads',
    table: 'threads',
    column: 'author_id',
    omit: ['search_vector', 'hot_score'],
    orderBy: 'created_at',
  },
  {
    name: 'replies',
    table: 'replies',
    column: 'author_id',
    omit: ['search_vector'],
    orderBy: 'created_at',
  },
  { name: 'revisions', table: 'revisions', column: 'editor_id', orderBy: 'created_at' },
  { name: 'threadVotes', table: 'thread_votes', column: 'user_id', orderBy: 'created_at' },
  { name: 'replyVotes', table: 'reply_votes', column: 'user_id', orderBy: 'created_at' },
  { name: 'follows', table: 'thread_follows', column: 'user_id', orderBy: 'created_at' },
  { name: 'flags', table: 'flags', column: 'reporter_id', orderBy: 'created_at' },
  { name: 'askerProfile', table: 'asker_profiles', column: 'user_id' },
  { name: 'mentorProfile', table: 'mentor_profiles', column: 'user_id' },
  {
    name: 'mentorshipRequestsSent',
    table: 'mentorship_requests',
    column: 'asker_id',
    orderBy: 'created_at',
  },
  { name: 'mentorshipsAsAsker', table: 'mentorships', column: 'asker_id', orderBy: 'created_at' },
  { name: 'mentorshipsAsMentor', table: 'mentorships', column: 'mentor_id', orderBy: 'created_at' },
];

/**
 * Deleted with the account. Posts (threads, replies) stay — attributed to "[deleted]" — so
 * conversations keep making sense; votes stay as anonymous counts.
 */
export const erased: UserTable[] = [
  { name: 'sessions', table: 'session', column: 'user_id' },
  { name: 'tokens', table: 'auth_tokens', column: 'user_id' },
  { name: 'follows', table: 'thread_follows', column: 'user_id' },
  { name: 'askerProfile', table: 'asker_profiles', column: 'user_id' },
  { name: 'mentorProfile', table: 'mentor_profiles', column: 'user_id' },
  { name: 'notifications', table: 'notifications', column: 'user_id' },
  { name: 'mentorBlocks', table: 'mentor_blocks', column: 'asker_id' },
  { name: 'matchImpressions', table: 'match_impressions', column: 'asker_id' },
];

/** The subset of `tables` whose table and column exist in this database. */
export async function existing(db: Db, tables: UserTable[]): Promise<UserTable[]> {
  const { rows } = await sql<{ t: string; c: string }>`
    SELECT table_name AS t, column_name AS c FROM information_schema.columns
    WHERE table_schema = current_schema()`.execute(db);
  const have = new Set(rows.map((r) => `${r.t}.${r.c}`));
  return tables
    .filter((t) => have.has(`${t.table}.${t.column}`))
    .map((t) =>
      t.orderBy && !have.has(`${t.table}.${t.orderBy}`) ? { ...t, orderBy: undefined } : t,
    );
}
