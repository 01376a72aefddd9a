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
      for (const username of missing.filter((u) => !this.map.has(u)))
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
