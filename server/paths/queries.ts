import { sql } from 'kysely';
import type { Db } from '../db';

/** Mentors per path with the median months to switch, one query for the index page. */
export function pathCounts(db: Db) {
  return db
    .selectFrom('mentor_profiles as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.path_taken',
      sql<number>`count(*)::int`.as('mentors'),
      sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY m.months_to_switch)`.as(
        'median_months',
      ),
    ])
    .where('u.deleted_at', 'is', null)
    .groupBy('m.path_taken')
    .execute();
}

/** Everything the page of one path aggregates, in one round trip (JSON built by Postgres). */
export async function pathAggregate(db: Db, pathId: string, storyLimit: number) {
  const { rows } = await sql<{
    mentors: number;
    median_months: number | null;
    p25: number | null;
    p75: number | null;
    median_years: number | null;
    months: number[] | null;
    roles: { family: string; n: number }[] | null;
    companies: { type: string; n: number }[] | null;
    stories:
      | {
          handle: string;
          display_name: string;
          role_before: string;
          role_now: string;
          switch_year: number;
          months_to_switch: number;
          what_helped: string;
        }[]
      | null;
  }>`
    WITH p AS (
      SELECT m.*, u.handle, u.display_name, u.last_active_at
      FROM mentor_profiles m JOIN users u ON u.id = m.user_id
      WHERE m.path_taken = ${pathId} AND u.deleted_at IS NULL
    )
    SELECT
      (SELECT count(*)::int FROM p) AS mentors,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY months_to_switch) FROM p) AS median_months,
      (SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY months_to_switch) FROM p) AS p25,
      (SELECT percentile_cont(0.75) WITHIN GROUP (ORDER BY months_to_switch) FROM p) AS p75,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY years_before_switch) FROM p
        WHERE years_before_switch IS NOT NULL) AS median_years,
      (SELECT array_agg(months_to_switch) FROM p) AS months,
      (SELECT json_agg(r ORDER BY r.n DESC, r.family) FROM (
        SELECT role_before_family AS family, count(*)::int AS n FROM p GROUP BY 1) r) AS roles,
      (SELECT json_agg(c ORDER BY c.n DESC, c.type) FROM (
        SELECT company_type_before AS type, count(*)::int AS n FROM p GROUP BY 1) c) AS companies,
      (SELECT json_agg(s) FROM (
        SELECT handle, display_name, role_before, role_now, switch_year, months_to_switch, what_helped
        FROM p WHERE what_helped <> ''
        ORDER BY last_active_at DESC, user_id LIMIT ${storyLimit}) s) AS stories
  `.execute(db);
  return rows[0]!;
}
