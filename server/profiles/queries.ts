import { sql, type Insertable } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db';
import type { AskerProfiles, MentorProfiles } from '../db/types';
import { microKey, newestFirst } from '../lib/paging';

export type AskerRow =
  Awaited<ReturnType<typeof findProfileRow>> extends infer R
    ? R extends { asker: infer A }
      ? NonNullable<A>
      : never
    : never;
export type MentorRow =
  Awaited<ReturnType<typeof findProfileRow>> extends infer R
    ? R extends { mentor: infer M }
      ? NonNullable<M>
      : never
    : never;
export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileRow>>>;

/**
 * One user with their counts and both profiles, in a single round trip. Found by handle
 * (case-insensitive, as handles are unique case-insensitively) or by id.
 */
export function findProfileRow(db: Db, by: { handle: string } | { id: string }) {
  // Public counts skip deleted and moderator-hidden posts.
  const threadCount = sql<number>`(SELECT count(*) FROM threads t
    WHERE t.author_id = u.id AND t.deleted_at IS NULL AND t.hidden_at IS NULL)`;
  const replyCount = sql<number>`(SELECT count(*) FROM replies r
    WHERE r.author_id = u.id AND r.deleted_at IS NULL AND r.hidden_at IS NULL)`;
  const karma = sql<number>`u.karma`;
  return db
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.handle',
      'u.display_name',
      'u.bio',
      'u.role',
      'u.created_at',
      'u.deleted_at',
      threadCount.as('thread_count'),
      replyCount.as('reply_count'),
      karma.as('karma'),
      jsonObjectFrom(
        eb.selectFrom('asker_profiles as a').selectAll('a').whereRef('a.user_id', '=', 'u.id'),
      ).as('asker'),
      jsonObjectFrom(
        eb.selectFrom('mentor_profiles as m').selectAll('m').whereRef('m.user_id', '=', 'u.id'),
      ).as('mentor'),
    ])
    .$if('handle' in by, (q) =>
      q.where(sql`lower(u.handle)`, '=', (by as { handle: string }).handle.toLowerCase()),
    )
    .$if('id' in by, (q) => q.where('u.id', '=', (by as { id: string }).id))
    .executeTakeFirst();
}

export type AskerValues = Omit<Insertable<AskerProfiles>, 'user_id' | 'created_at' | 'updated_at'>;
export type MentorValues = Omit<
  Insertable<MentorProfiles>,
  'user_id' | 'created_at' | 'updated_at'
>;

export async function upsertAsker(db: Db, userId: string, values: AskerValues): Promise<void> {
  await db
    .insertInto('asker_profiles')
    .values({ ...values, user_id: userId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

export async function upsertMentor(db: Db, userId: string, values: MentorValues): Promise<void> {
  await db
    .insertInto('mentor_profiles')
    .values({ ...values, user_id: userId })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

export async function deleteAsker(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('asker_profiles').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteMentor(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom('mentor_profiles').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function updateBasics(
  db: Db,
  userId: string,
  values: { display_name: string; bio: string },
): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', userId).execute();
}

export async function touchLastActive(db: Db, userId: string, at?: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_active_at: at ?? sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/**
 * Mentors who still have an account, with the columns every list of them shows; callers add
 * their own columns and filters (the profiles list here, the mentorship directory and panel).
 */
export function mentorRows(db: Db) {
  return db
    .selectFrom('mentor_profiles as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.handle',
      'u.display_name',
      'u.last_active_at',
      // Microsecond precision, so the cursor neither skips nor repeats rows (Date keeps ms).
      microKey('u.last_active_at').as('active_key'),
      'm.headline',
      'm.role_before',
      'm.role_now',
      'm.path_taken',
      'm.switch_year',
      'm.months_to_switch',
      'm.company_type_before',
      'm.time_zone',
      'm.languages',
      'm.capacity',
    ])
    .where('u.deleted_at', 'is', null);
}

/** Mentors by recent activity, keyset-paginated on (last_active_at, id). */
export function listMentors(
  db: Db,
  opts: { limit: number; path?: string; available?: boolean; after?: readonly [string, string] },
) {
  return mentorRows(db)
    .select(['m.company_type_after', 'm.focus'])
    .$if(!!opts.path, (q) => q.where('m.path_taken', '=', opts.path!))
    .$if(!!opts.available, (q) => q.where('m.capacity', '>', 0))
    .$call((q) => newestFirst(q, 'u.last_active_at', 'u.id', opts))
    .execute();
}
export type MentorListRow = Awaited<ReturnType<typeof listMentors>>[number];
