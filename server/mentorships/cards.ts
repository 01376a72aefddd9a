import { sql } from 'kysely';
import type { MentorCard } from '../../shared/api/mentorships';
import type { Db } from '../db';

/** Mentor cards for a set of mentors (panel, directory), with seats left from live counts. */
export function cardRows(db: Db) {
  return db
    .selectFrom('mentor_profiles as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.handle',
      'u.display_name',
      'u.last_active_at',
      sql<string>`to_char(u.last_active_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'active_key',
      ),
      'm.headline',
      'm.role_before',
      'm.role_now',
      'm.path_taken',
      'm.switch_year',
      'm.months_to_switch',
      'm.company_type_before',
      'm.industries',
      'm.time_zone',
      'm.languages',
      'm.capacity',
      sql<number>`(SELECT count(*)::int FROM mentorships s WHERE s.mentor_id = m.user_id AND s.status = 'active')`.as(
        'active_mentees',
      ),
    ])
    .where('u.deleted_at', 'is', null);
}
export type CardRow = Awaited<ReturnType<ReturnType<typeof cardRows>['execute']>>[number];

export function presentCard(r: CardRow): MentorCard {
  return {
    id: r.id,
    handle: r.handle,
    displayName: r.display_name,
    headline: r.headline,
    roleBefore: r.role_before,
    roleNow: r.role_now,
    pathTaken: r.path_taken as MentorCard['pathTaken'],
    switchYear: r.switch_year,
    monthsToSwitch: r.months_to_switch,
    companyTypeBefore: r.company_type_before as MentorCard['companyTypeBefore'],
    industries: r.industries,
    timeZone: r.time_zone,
    languages: r.languages,
    capacity: r.capacity,
    openSeats: Math.max(0, r.capacity - r.active_mentees),
    lastActiveAt: new Date(r.last_active_at).toISOString(),
  };
}
