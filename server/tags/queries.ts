import type { Db } from '../db';
import type { Trx } from '../forum/author';

export async function isFollowing(db: Db | Trx, userId: string, tag: string): Promise<boolean> {
  const row = await db
    .selectFrom('tag_follows')
    .select('tag')
    .where('user_id', '=', userId)
    .where('tag', '=', tag)
    .executeTakeFirst();
  return !!row;
}

export async function tagExists(db: Db | Trx, tag: string): Promise<boolean> {
  return !!(await db.selectFrom('tags').select('slug').where('slug', '=', tag).executeTakeFirst());
}

export async function followCount(db: Db | Trx, userId: string): Promise<number> {
  const r = await db
    .selectFrom('tag_follows')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
