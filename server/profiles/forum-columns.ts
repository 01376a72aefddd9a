import { sql } from 'kysely';
import type { Db } from '../db';

/**
 * The forum feature adds `replies`, `users.karma` and soft-delete / moderation columns in
 * its own migrations. Profiles count and show them when they exist, so this feature works
 * before and after those migrations. The schema cannot change while a process runs
 * (migrations run at boot), so one probe per database handle is enough.
 */
export interface ForumColumns {
  replies: boolean;
  karma: boolean;
  /** Columns whose non-null value hides a post from public counts, per table. */
  threadsHiddenBy: ('deleted_at' | 'hidden_at')[];
  repliesHiddenBy: ('deleted_at' | 'hidden_at')[];
}

const probes = new WeakMap<Db, Promise<ForumColumns>>();

export function forumColumns(db: Db): Promise<ForumColumns> {
  let probe = probes.get(db);
  if (!probe) {
    probe = probeColumns(db);
    probes.set(db, probe);
    // A failed probe (database briefly away) must not be cached for the life of the process.
    probe.catch(() => probes.delete(db));
  }
  return probe;
}

async function probeColumns(db: Db): Promise<ForumColumns> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema()
      AND ((table_name IN ('replies', 'threads')
            AND column_name IN ('author_id', 'deleted_at', 'hidden_at'))
        OR (table_name = 'users' AND column_name = 'karma'))`.execute(db);
  const has = (table: string, column: string) =>
    rows.some((r) => r.table_name === table && r.column_name === column);
  const hiders = (table: string) =>
    (['deleted_at', 'hidden_at'] as const).filter((c) => has(table, c));
  return {
    replies: has('replies', 'author_id'),
    karma: has('users', 'karma'),
    threadsHiddenBy: hiders('threads'),
    repliesHiddenBy: hiders('replies'),
  };
}
