/**
 * Pieces of the candidate query (queries.ts) that encode the scoring: the word lists, the
 * structured score of stage 1, the follow-up score of stage 2 and the directory filters.
 * They mirror shared/matching/factors.ts with the same weights; when a factor changes there,
 * change it here too (tests/integration/matching-engine.test.ts checks the held-out quality
 * and the bench checks that the prefilter keeps the exact top 10).
 */
import { sql } from 'kysely';
import { relatedRoleFamilies } from '../../shared/matching/roles';
import { POOR_OVERLAP_HOURS, relatedPaths } from '../../shared/matching/tiers';
import type { CandidateParams } from './queries';

export { POOR_OVERLAP_HOURS };

/** Query terms kept after dropping common ones; more terms cost ts_rank time per row. */
export const MAX_QUERY_TERMS = 16;
/** A lexeme found in more than this share of mentor documents says little about fit. */
export const COMMON_TERM_SHARE = 0.4;
/**
 * English stems that Postgres keeps (they are not stop words) but that say nothing about a
 * switch; mentors rarely write them, so without this list their rarity would make them look
 * informative. Measured on the tuning split: text-only nDCG@5 0.67 → 0.71.
 */
export const GENERIC_TERMS = (
  'also get find want need could would make see give one actual someth realli like go ' +
  'know think take way much mani good lot year work help tri look use start keep say ' +
  'thing anyon everi still even well right new two first last next month time day ' +
  'question sure best better peopl person job realist'
).split(' ');

export const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/** Stage 1 reads this many candidates per final one; the bench checks the recall it buys. */
export const SHORTLIST_FACTOR = 8;

/**
 * Stage 1: role tier + path tier (shared/matching/tiers.ts), the number ranking compares
 * first, from the narrow index alone: family equality or a closely related family, path
 * weighed or closely related.
 */
export function baseTier(p: CandidateParams) {
  // "Other" roles are judged by title in the Node pass (roleTier); here an "Other" asker is
  // tier 1 with everyone and an "Other" mentor tier 0 (Node may lift either to 2).
  const related = relatedRoleFamilies(p.roleFamily);
  const role =
    p.roleFamily === 'other'
      ? sql`1`
      : sql`CASE WHEN i.role_family = ${p.roleFamily} THEN 2
          WHEN i.role_family = ANY (${related}::text[]) THEN 1 ELSE 0 END`;
  const path =
    p.paths.length === 0
      ? sql`1`
      : sql`CASE WHEN i.path_taken = ANY (${p.paths}::text[]) THEN 2
          WHEN i.path_taken = ANY (${relatedPaths(p.paths)}::text[]) THEN 1 ELSE 0 END`;
  return { role, path };
}

/**
 * The within-tier part stage 1 can say cheaply, in float8 (numeric arithmetic is several
 * times slower per row): any shared stage, company type, any industry (bit-set tests, see
 * matching_bits in the migration). Same weights as shared/matching/weights.ts.
 */
export function structuredScore(p: CandidateParams) {
  const f = p.weights.factors;
  return sql`(${f.role * p.weights.roleFamilyShare}::float8 * (i.role_family = ${p.roleFamily})::int
    + ${f.reciprocity}::float8 * ((i.focus_bits & matching_bits(${p.focus}::text[])) <> 0)::int
    + ${f.company}::float8 * (i.company_type = ${p.companyType ?? ''})::int
    + ${f.industry}::float8
      * ((i.industry_bits & matching_bits(${p.industries}::text[])) <> 0)::int)`;
}

/** Today's working-day overlap in hours, from the two zones' current UTC offsets. */
export function overlapNowSql(p: CandidateParams) {
  const offset = (tz: unknown) =>
    sql`extract(epoch FROM (${p.now}::timestamptz AT TIME ZONE ${tz}) - (${p.now}::timestamptz AT TIME ZONE 'UTC')) / 3600.0`;
  const delta = sql`abs(${offset(sql`d.time_zone`)} - ${offset(p.timeZone)})`;
  return sql`greatest(0.0, 9 - least(${delta}, 24 - ${delta}))`;
}

/** Days since the mentor was last active, as of `now`. */
export function idleDaysSql(p: CandidateParams) {
  return sql`extract(epoch FROM (${p.now}::timestamptz - u.last_active_at)) / 86400.0`;
}

/**
 * Stage 2 adds what the Node pass will add inside a tier, approximately, so the `limit` rows
 * handed to Node are nearly its own top: experience, seats, health and the overlap from
 * today's UTC offsets (Node computes the exact worst week of the year).
 */
export function followUpScore(p: CandidateParams) {
  const w = p.weights;
  const f = w.factors;
  const h = w.health;
  const clamp = (x: ReturnType<typeof sql>) => sql`least(1.0, greatest(0.0, ${x}))`;
  const days = idleDaysSql(p);
  const activity = clamp(
    sql`1 - (${days} - ${h.recentDays}::float8) / ${h.staleDays - h.recentDays}::float8`,
  );
  const response = sql`CASE WHEN st.response_hours IS NULL THEN ${h.unknown}::float8 ELSE 1 - 0.8 * ${clamp(
    sql`(st.response_hours - ${h.goodResponseHours}::float8) / ${h.slowResponseHours - h.goodResponseHours}::float8`,
  )} END`;
  return sql`(${f.experience}::float8 * CASE WHEN d.years_before_switch IS NULL THEN 0.5
        ELSE ${clamp(sql`1 - abs(${p.years}::float8 - d.years_before_switch) / ${w.experienceSpanYears}::float8`)} END
    + ${f.capacity}::float8 * (1 - power((d.capacity - d.open_seats)::float8 / nullif(d.capacity, 0), 2))
    + ${f.health}::float8 * (${activity} + ${response}) / 2
    + ${f.overlap}::float8 * ${clamp(sql`${overlapNowSql(p)} / ${w.overlapFullHours}::float8`)})`;
}

/** fitLevel() of shared/matching/tiers.ts over `base` and `poor` columns. */
export const levelSql = sql`CASE WHEN NOT poor THEN 2 * base + 1 WHEN base = 4 THEN 8
  ELSE greatest(0, 2 * (base - 1)) END`;

/** Extra WHERE conditions for the filters (i = mentor_match_index). */
export function filterSql(p: CandidateParams) {
  const f = p.filters ?? {};
  const parts = [];
  if (f.path) parts.push(sql`AND i.path_taken = ${f.path}`);
  if (f.roleFamily) parts.push(sql`AND i.role_family = ${f.roleFamily}`);
  if (f.industry) parts.push(sql`AND ${f.industry.toLowerCase()} = ANY (i.industries)`);
  if (f.companyType) parts.push(sql`AND i.company_type = ${f.companyType}`);
  if (f.language) parts.push(sql`AND ${primary(f.language)} = ANY (i.languages_primary)`);
  if (f.minOverlapHours) {
    // Same-weekday overlap from today's UTC offsets; it ignores weekends, so it can only
    // overstate the exact weekly figure (one hour of slack covers DST weeks).
    const delta = sql`abs(extract(epoch FROM (now() AT TIME ZONE i.time_zone)
                                 - (now() AT TIME ZONE ${p.timeZone})) / 3600)`;
    parts.push(sql`AND 9 - least(${delta}, 24 - ${delta}) >= ${f.minOverlapHours - 1}::float8`);
  }
  return sql.join(parts, sql` `);
}
