import { sql } from 'kysely';
import { DISPLAY_NAME_MAX, HANDLE_MAX, IMPORTED_HANDLE_PREFIX } from '../../shared/api/auth';
import type { Trx } from '../forum/author';

/**
 * Imported authors: members with no email and no password (they cannot sign in), handle
 * `hn-<name>` — a prefix sign-up refuses, so an imported handle never collides with a real
 * member's — and a profile that says where the posts came from.
 */
export function importedHandle(username: string): string {
  const base = username.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  return (IMPORTED_HANDLE_PREFIX + base).slice(0, HANDLE_MAX);
}

export function importedBio(username: string, firstItem: number): string {
  const user = `https://news.ycombinator.com/user?id=${encodeURIComponent(username)}`;
  return (
    `Imported from Hacker News: these posts were written by ${username} on Hacker News ` +
    `(${user}) and copied here. Original item: https://news.ycombinator.com/item?id=${firstItem}`
  );
}

/** username -> user id, across batches; a bounded cache (the table is the truth). */
export class MemberCache {
  private map = new Map<string, string>();
  created = 0;

  async resolve(
    trx: Trx,
    wanted: Map<string, number>, // username -> first HN item id seen for them
  ): Promise<Map<string, string>> {
    const missing = [...wanted.keys()].filter((u) => !this.map.has(u));
    if (missing.length) {
      const found = await trx
        .selectFrom('hn_users')
        .select(['username', 'user_id'])
        .where('username', '=', sql<string>`ANY(${missing}::text[])`)
        .execute();
      for (const f of found) this.remember(f.username, f.user_id);
      const unknown = missing.filter((u) => !this.map.has(u));
      // One statement for the batch's new authors; a name whose handle is taken (or that
      // folds to the same handle as another new name) is numbered one by one below.
      for (const username of await this.createMany(trx, unknown, wanted))
        this.remember(username, await this.create(trx, username, wanted.get(username)!));
    }
    const out = new Map<string, string>();
    for (const u of wanted.keys()) out.set(u, this.map.get(u)!);
    return out;
  }

  private remember(username: string, id: string) {
    if (this.map.size >= 200_000) this.map.clear();
    this.map.set(username, id);
  }

  /** Creates members for names whose plain handle is free; returns the names left over. */
  private async createMany(
    trx: Trx,
    usernames: string[],
    wanted: Map<string, number>,
  ): Promise<string[]> {
    const first = new Map<string, string>(); // handle -> the first name that wants it
    const rest: string[] = [];
    for (const u of usernames) {
      const h = importedHandle(u);
      if (first.has(h)) rest.push(u);
      else first.set(h, u);
    }
    if (!first.size) return rest;
    const names = [...first.values()];
    const { rows } = await sql<{ username: string; user_id: string }>`
      WITH wanted AS (
        SELECT * FROM unnest(${[...first.keys()]}::text[], ${names}::text[],
                             ${names.map((u) => u.slice(0, DISPLAY_NAME_MAX))}::text[],
                             ${names.map((u) => importedBio(u, wanted.get(u)!))}::text[])
                   AS w(handle, username, display_name, bio)
      ), created AS (
        INSERT INTO users (handle, display_name, imported, bio)
        SELECT handle, display_name, true, bio FROM wanted
        ON CONFLICT (lower(handle)) DO NOTHING
        RETURNING id, handle
      )
      INSERT INTO hn_users (username, user_id)
      SELECT w.username, c.id FROM created c JOIN wanted w ON w.handle = c.handle
      RETURNING username, user_id`.execute(trx);
    for (const r of rows) this.remember(r.username, r.user_id);
    this.created += rows.length;
    const done = new Set(rows.map((r) => r.username));
    return [...names.filter((u) => !done.has(u)), ...rest];
  }

  private async create(trx: Trx, username: string, firstItem: number): Promise<string> {
    const base = importedHandle(username);
    // Two HN names can fold to one handle (case, odd characters): number the later ones.
    for (let i = 1; ; i++) {
      const suffix = i === 1 ? '' : `-${i}`;
      const handle = base.slice(0, HANDLE_MAX - suffix.length) + suffix;
      const row = await trx
        .insertInto('users')
        .values({
          handle,
          display_name: username.slice(0, DISPLAY_NAME_MAX),
          imported: true,
          bio: importedBio(username, firstItem),
        })
        .onConflict((oc) => oc.expression(sql`lower(handle)`).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) {
        await trx.insertInto('hn_users').values({ username, user_id: row.id }).execute();
        this.created++;
        return row.id;
      }
    }
  }
}
