import { sql } from 'kysely';
import type { MentorCard } from '../../shared/api/mentorships';
import type { Db } from '../db';
import { mentorRows } from '../profiles/queries';

/** Mentor cards for a set of mentors (panel, directory), with seats left from live counts. */
export function cardRows(db: Db) {
  return mentorRows(db).select([
    'm.industries',
    sql<number>`(SELECT count(*)::int FROM mentorships s WHERE s.mentor_id = m.user_id AND s.status = 'active')`.as(
      'active_mentees',
    ),
  ]);
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
