import { sql } from 'kysely';
import type {
  CareerPathId,
  CompanyTypeId,
  MentoringFocusId,
  RoleFamilyId,
} from '../../shared/taxonomy';
import type { MatchingWeights } from '../../shared/matching/weights';
import type { Db } from '../db';
import {
  COMMON_TERM_SHARE,
  filterSql,
  baseTier,
  followUpScore,
  GENERIC_TERMS,
  idleDaysSql,
  levelSql,
  overlapNowSql,
  POOR_OVERLAP_HOURS,
  MAX_QUERY_TERMS,
  primary,
  SHORTLIST_FACTOR,
  structuredScore,
} from './scoring-sql';

/** Find-a-mentor filters, applied inside the prefilter so they never shorten the list. */
export interface MatchFilters {
  path?: CareerPathId;
  roleFamily?: RoleFamilyId;
  industry?: string;
  companyType?: CompanyTypeId;
  /** The mentor speaks this language (primary subtag compared). */
  language?: string;
  /** Working-day overlap with the asker, hours; exact check in Node, loose bound here. */
  minOverlapHours?: number;
}

export interface CandidateParams {
  askerId: string;
  /** Question + asker background, as plain text; Postgres picks the informative words. */
  text: string;
  role: string;
  roleFamily: RoleFamilyId;
  languages: string[];
  paths: CareerPathId[];
  focus: MentoringFocusId[];
  companyType: string | null;
  industries: string[];
  /** UTC day the exposure counters are for, 'YYYY-MM-DD'. */
  day: string;
  limit: number;
  weights: MatchingWeights;
  timeZone: string;
  /** Asker's years of experience and "now" (health and overlap are computed as of it). */
  years: number;
  now: Date;
  filters?: MatchFilters;
  /** Stage-1 shortlist size (default SHORTLIST_FACTOR × limit). */
  shortlist?: number;
  /** Keep mentors inactive for four months or more (the Node pass still excludes them). */
  includeInactive?: boolean;
}

export interface CandidateRow {
  mentor_id: string;
  handle: string;
  display_name: string;
  last_active_at: Date;
  role_before: string;
  role_before_family: string;
  role_now: string;
  path_taken: string;
  switch_year: number;
  months_to_switch: number;
  years_before_switch: number | null;
  company_type_before: string;
  company_size_before: string;
  company_type_after: string;
  company_size_after: string;
  industries: string[];
  skills: string[];
  time_zone: string;
  languages: string[];
  focus: string[];
  capacity: number;
  active_mentees: number;
  response_hours: number | null;
  impressions_today: number;
  text_rank: number;
  role_sim: number;
}

/**
 * The Postgres half of ranking, in ONE statement, in two stages so 10,000s of mentors stay
 * cheap:
 * 1. one scan of mentor_match_index with no joins: hard filters (a free seat, a shared
 *    language as a bit-set test, not the asker, not blocked, the directory's filters) and
 *    the structured part of the fit (path, role family, stage, company, industry) with the
 *    Node pass's weights → a shortlist of 3 × limit;
 * 2. for the shortlist only: exact language check, user not deleted or suspended, under
 *    today's impression cap, ts_rank of the question's informative lexemes against the
 *    mentor document and pg_trgm similarity of normalised role titles → the best `limit`,
 *    joined with profile, user, seats and today's exposure for the Node pass.
 */
export async function findCandidates(db: Db, p: CandidateParams): Promise<CandidateRow[]> {
  return (await candidateQuery(p).execute(db)).rows;
}

/** The statement itself, separate so it can be EXPLAINed. */
export function candidateQuery(p: CandidateParams) {
  const w = p.weights;
  const f = w.factors;
  const share = w.roleFamilyShare;
  const langs = p.languages.map(primary);
  const tiers = baseTier(p);
  // Sorting only (id, score) pairs keeps the 10,000-row sort narrow; documents are read for
  // the shortlist alone.
  return sql<CandidateRow>`
    WITH asker_terms AS (
      SELECT t.lexeme, coalesce(array_length(t.positions, 1), 1) AS tf
      FROM unnest(to_tsvector('english', ${p.text})) AS t
    ),
    picked AS (
      SELECT a.lexeme
      FROM asker_terms a
      LEFT JOIN matching_term_stats s ON s.word = a.lexeme
      WHERE a.lexeme <> ALL (${GENERIC_TERMS}::text[])
        AND ((s.word IS NOT NULL AND s.ndoc <= ${COMMON_TERM_SHARE}::float8 * s.total)
             OR NOT EXISTS (SELECT 1 FROM matching_term_stats))
      ORDER BY (1 + ln(a.tf)) * coalesce(ln((s.total + 1.0) / (s.ndoc + 0.5)), 1) DESC, a.lexeme
      LIMIT ${MAX_QUERY_TERMS}::int
    ),
    q AS (
      SELECT (SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery FROM picked) AS query,
             matching_normalize_role(${p.role}) AS role
    ),
    seen AS (
      SELECT mentor_id FROM match_impressions
      WHERE day = ${p.day}::date AND asker_id = ${p.askerId}::uuid
    ),
    shortlist AS (
      SELECT i.mentor_id, t.base, ${structuredScore(p)} AS structured
      FROM mentor_match_index i
      CROSS JOIN LATERAL (SELECT (${tiers.role}) + (${tiers.path}) AS base) t
      WHERE i.open_seats > 0
        AND i.mentor_id <> ${p.askerId}::uuid
        AND (${langs.length === 0}::boolean
             OR (i.language_bits & matching_bits(${langs}::text[])) <> 0)
        AND i.mentor_id <> ALL (ARRAY(
          SELECT mentor_id FROM mentor_blocks WHERE asker_id = ${p.askerId}::uuid))
        ${filterSql(p)}
      ORDER BY t.base DESC, structured DESC, i.mentor_id
      LIMIT ${p.shortlist ?? p.limit * SHORTLIST_FACTOR}::int
    ),
    scored AS MATERIALIZED (
      SELECT s.mentor_id, s.base,
             ${overlapNowSql(p)} < ${POOR_OVERLAP_HOURS}::float8 AS poor,
             coalesce(${idleDaysSql(p)} < ${w.health.quietDays}::float8, true) AS active,
             s.structured + ${followUpScore(p)} AS partial,
             coalesce(ts_rank_cd(d.document, q.query, 1), 0)::float8 AS text_rank,
             similarity(d.role_before_norm, q.role)::float8 AS role_sim
      FROM shortlist s
      -- LIMIT 1 keeps these as per-row primary-key lookups: a hash join would scan all
      -- 10,000 rows again to use a few hundred of them.
      CROSS JOIN LATERAL (
        SELECT document, role_before_norm, languages_primary, time_zone, capacity, open_seats,
               years_before_switch
        FROM mentor_match_index WHERE mentor_id = s.mentor_id LIMIT 1) d
      CROSS JOIN LATERAL (
        SELECT deleted_at, suspended_until, last_active_at FROM users
        WHERE id = s.mentor_id LIMIT 1) u
      LEFT JOIN LATERAL (
        SELECT response_hours FROM mentor_match_stats WHERE mentor_id = s.mentor_id LIMIT 1
      ) st ON true
      LEFT JOIN mentor_exposure_daily e ON e.mentor_id = s.mentor_id AND e.day = ${p.day}::date
      LEFT JOIN seen ON seen.mentor_id = s.mentor_id
      CROSS JOIN q
      WHERE u.deleted_at IS NULL AND (u.suspended_until IS NULL OR u.suspended_until <= now())
        -- four months without activity: not a match (issue 13); the directory lists them apart
        AND (${p.includeInactive ?? false}::boolean
             OR u.last_active_at IS NULL
             OR ${idleDaysSql(p)} < ${w.health.inactiveDays}::float8)
        -- exact language check (the bit set above may let a rare hash collision through)
        AND (${langs.length === 0}::boolean OR d.languages_primary && ${langs}::text[])
        AND (coalesce(e.impressions, 0) < ${w.exposure.maxImpressionsPerDay}::int
             OR seen.mentor_id IS NOT NULL)
    ),
    best AS (
      SELECT * FROM scored
      ORDER BY ${levelSql} DESC, active DESC, partial
        + ${f.text}::float8 * text_rank / (text_rank + ${w.textHalfRank}::float8)
        + ${f.role}::float8 * ${1 - share}::float8 * role_sim DESC, mentor_id
      LIMIT ${p.limit}::int
    )
    SELECT b.mentor_id, u.handle, u.display_name, u.last_active_at,
           m.role_before, m.role_before_family, m.role_now, m.path_taken, m.switch_year,
           m.months_to_switch, m.years_before_switch, m.company_type_before,
           m.company_size_before, m.company_type_after, m.company_size_after, m.industries,
           m.skills, m.time_zone, m.languages, m.focus, m.capacity,
           coalesce(st.active_mentees, 0) AS active_mentees,
           st.response_hours::float8 AS response_hours,
           greatest(coalesce(e.impressions, 0)
             - (CASE WHEN seen.mentor_id IS NULL THEN 0 ELSE 1 END), 0) AS impressions_today,
           b.text_rank, b.role_sim
    FROM best b
    CROSS JOIN LATERAL (SELECT * FROM mentor_profiles WHERE user_id = b.mentor_id LIMIT 1) m
    CROSS JOIN LATERAL (SELECT * FROM users WHERE id = b.mentor_id LIMIT 1) u
    LEFT JOIN LATERAL (
      SELECT * FROM mentor_match_stats WHERE mentor_id = b.mentor_id LIMIT 1) st ON true
    LEFT JOIN mentor_exposure_daily e ON e.mentor_id = b.mentor_id AND e.day = ${p.day}::date
    LEFT JOIN seen ON seen.mentor_id = b.mentor_id
  `;
}

/**
 * Recounts how many mentor documents hold each lexeme. Cheap enough to run hourly (a few
 * hundred ms for 10,000 mentors); CONCURRENTLY keeps ranking unblocked meanwhile.
 */
export async function refreshTermStats(db: Db): Promise<void> {
  await sql`REFRESH MATERIALIZED VIEW CONCURRENTLY matching_term_stats`.execute(db);
}

/**
 * Counts each (asker, mentor) pair once per UTC day; only new pairs raise the mentor's
 * daily impression count, so reloading the page does not push anyone down.
 */
export async function recordImpressions(
  db: Db,
  askerId: string,
  mentorIds: string[],
  day: string,
): Promise<void> {
  if (mentorIds.length === 0) return;
  await sql`
    WITH fresh AS (
      INSERT INTO match_impressions (day, asker_id, mentor_id)
      SELECT ${day}::date, ${askerId}::uuid, unnest(${mentorIds}::uuid[])
      ON CONFLICT DO NOTHING
      RETURNING mentor_id
    )
    INSERT INTO mentor_exposure_daily (mentor_id, day, impressions)
    SELECT mentor_id, ${day}::date, 1 FROM fresh
    ON CONFLICT (day, mentor_id)
    DO UPDATE SET impressions = mentor_exposure_daily.impressions + 1`.execute(db);
}

/**
 * Drops impression and exposure counters older than `keepDays` (only today's are read). A
 * daily job should call it; nothing breaks if it runs late, the tables just grow.
 */
export async function pruneExposure(db: Db, now: Date, keepDays = 7): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000).toISOString().slice(0, 10);
  const a = await db
    .deleteFrom('match_impressions')
    .where('day', '<', sql<Date>`${cutoff}::date`)
    .executeTakeFirst();
  const b = await db
    .deleteFrom('mentor_exposure_daily')
    .where('day', '<', sql<Date>`${cutoff}::date`)
    .executeTakeFirst();
  return Number(a.numDeletedRows) + Number(b.numDeletedRows);
}
