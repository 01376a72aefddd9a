import { sql, type Kysely } from 'kysely';

/**
 * Matching: what the engine keeps beside the profiles (it never changes their tables).
 *
 * - mentor_match_index: one row per mentor profile, kept in step by a trigger: the weighted
 *   full-text document (role titles and skills A, story and "what helped" B, industries C),
 *   the normalised role title for pg_trgm, and primary language subtags for the filter.
 * - matching_term_stats: how many mentor documents hold each lexeme (ts_stat), so a long
 *   question is cut down to its informative words before ranking. Refreshed by the service.
 * - mentor_match_stats: active mentee count (the seat ledger) and response-time average.
 * - mentor_exposure_daily + match_impressions: distinct askers shown each mentor per UTC day,
 *   and question notifications sent, for the exposure caps.
 * - question_notifications: which mentor was told about which question (once each).
 * - mentor_blocks: mentors an asker never wants to see again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Mirrors normalizeRole() in shared/matching/roles.ts; a test checks both agree.
  await sql`
    CREATE FUNCTION matching_normalize_role(role text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      SELECT coalesce(string_agg(coalesce(a.canon, w.word), ' ' ORDER BY w.n), '')
      FROM regexp_split_to_table(
             regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
               lower(role),
               '\\(.*?\\)', ' ', 'g'),
               '\\s(at|@)\\s.*$', ''),
               'front[\\s-]end', 'frontend', 'g'),
               'back[\\s-]end', 'backend', 'g'),
               'full[\\s-]stack', 'fullstack', 'g'),
             '[^a-z0-9+#]+') WITH ORDINALITY AS w(word, n)
      LEFT JOIN (VALUES
        ('sr', 'senior'), ('snr', 'senior'), ('jr', 'junior'), ('fe', 'frontend'),
        ('be', 'backend'), ('fs', 'fullstack'), ('dev', 'engineer'), ('devs', 'engineer'),
        ('developer', 'engineer'), ('programmer', 'engineer'), ('coder', 'engineer'),
        ('eng', 'engineer'), ('engr', 'engineer'), ('swe', 'software engineer'),
        ('sde', 'software engineer'), ('mgr', 'manager'), ('em', 'engineering manager'),
        ('sre', 'site reliability engineer'), ('ml', 'machine learning'),
        ('infra', 'infrastructure'), ('pm', 'product manager'),
        ('tpm', 'technical product manager'), ('apm', 'associate product manager'),
        ('js', 'javascript')
      ) AS a(abbr, canon) ON a.abbr = w.word
      WHERE w.word <> ''
    $fn$`.execute(db);

  // A 63-bit set of (md5-hashed) values: the prefilter tests "any shared stage / industry /
  // language" as one integer AND instead of an array overlap per row. Hash collisions can
  // only add false "shared" hits, which the exact Node pass and array checks remove.
  await sql`
    CREATE FUNCTION matching_bits(vals text[]) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      SELECT coalesce(bit_or(1::bigint << (('x' || substr(md5(lower(v)), 1, 8))::bit(32)::int & 2147483647) % 63), 0)
      FROM unnest(vals) AS v
    $fn$`.execute(db);

  await db.schema
    .createTable('mentor_match_stats')
    .addColumn('mentor_id', 'uuid', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('active_mentees', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`active_mentees >= 0`),
    )
    .addColumn('response_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('response_hours', 'real')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Column order matters: the prefilter reads only the leading fixed-width columns and the
  // three short texts after them, so Postgres never decodes the arrays or the document of
  // the 10,000s of rows it merely scores.
  await db.schema
    .createTable('mentor_match_index')
    .addColumn('mentor_id', 'uuid', (c) =>
      c.primaryKey().references('mentor_profiles.user_id').onDelete('cascade'),
    )
    // capacity − active mentees; kept by the triggers on mentor_profiles and mentor_match_stats.
    .addColumn('open_seats', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('language_bits', 'bigint', (c) => c.notNull())
    .addColumn('focus_bits', 'bigint', (c) => c.notNull())
    .addColumn('industry_bits', 'bigint', (c) => c.notNull())
    // Copies of the profile columns the prefilter compares, so it scans ONE narrow table.
    .addColumn('path_taken', 'text', (c) => c.notNull())
    .addColumn('role_family', 'text', (c) => c.notNull())
    .addColumn('company_type', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('years_before_switch', 'integer')
    .addColumn('industries', sql`text[]`, (c) => c.notNull())
    .addColumn('focus', sql`text[]`, (c) => c.notNull())
    .addColumn('languages_primary', sql`text[]`, (c) => c.notNull())
    .addColumn('role_before_norm', 'text', (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Set-based so the backfill below and the per-row triggers share one definition.
  await sql`
    CREATE FUNCTION matching_reindex_mentors(ids uuid[]) RETURNS void
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
  await sql`
    CREATE FUNCTION matching_index_mentor() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM matching_reindex_mentors(ARRAY[NEW.user_id]);
      RETURN NULL;
    END
    $fn$`.execute(db);
  await sql`
    CREATE TRIGGER mentor_profiles_match_index
    AFTER INSERT OR UPDATE ON mentor_profiles
    FOR EACH ROW EXECUTE FUNCTION matching_index_mentor()`.execute(db);
  await sql`
    CREATE FUNCTION matching_seats_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      UPDATE mentor_match_index SET open_seats = capacity - NEW.active_mentees
      WHERE mentor_id = NEW.mentor_id;
      RETURN NULL;
    END
    $fn$`.execute(db);
  await sql`
    CREATE TRIGGER mentor_match_stats_seats
    AFTER INSERT OR UPDATE OF active_mentees ON mentor_match_stats
    FOR EACH ROW EXECUTE FUNCTION matching_seats_changed()`.execute(db);
  await sql`SELECT matching_reindex_mentors(NULL)`.execute(db);

  // Schema-qualified: Postgres 17+ runs view refreshes with a locked-down search_path.
  await sql`
    CREATE MATERIALIZED VIEW matching_term_stats AS
    SELECT s.word, s.ndoc, t.total
    FROM ts_stat('SELECT document FROM public.mentor_match_index') AS s
    CROSS JOIN (SELECT count(*)::integer AS total FROM public.mentor_match_index) AS t`.execute(db);
  await sql`CREATE UNIQUE INDEX matching_term_stats_word_key ON matching_term_stats (word)`.execute(
    db,
  );

  await db.schema
    .createTable('mentor_exposure_daily')
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('impressions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notifications', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('mentor_exposure_daily_pkey', ['day', 'mentor_id'])
    .execute();

  await db.schema
    .createTable('match_impressions')
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('asker_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('match_impressions_pkey', ['day', 'asker_id', 'mentor_id'])
    .execute();
  await db.schema
    .createIndex('match_impressions_mentor_idx')
    .on('match_impressions')
    .column('mentor_id')
    .execute();

  await db.schema
    .createTable('question_notifications')
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('fit', 'real', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('question_notifications_pkey', ['thread_id', 'mentor_id'])
    .execute();
  await db.schema
    .createIndex('question_notifications_mentor_idx')
    .on('question_notifications')
    .columns(['mentor_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('mentor_blocks')
    .addColumn('asker_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('mentor_blocks_pkey', ['asker_id', 'mentor_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mentor_blocks').execute();
  await db.schema.dropTable('question_notifications').execute();
  await db.schema.dropTable('match_impressions').execute();
  await db.schema.dropTable('mentor_exposure_daily').execute();
  await sql`DROP MATERIALIZED VIEW matching_term_stats`.execute(db);
  await sql`DROP TRIGGER mentor_profiles_match_index ON mentor_profiles`.execute(db);
  await sql`DROP TRIGGER mentor_match_stats_seats ON mentor_match_stats`.execute(db);
  await sql`DROP FUNCTION matching_seats_changed()`.execute(db);
  await sql`DROP FUNCTION matching_index_mentor()`.execute(db);
  await sql`DROP FUNCTION matching_reindex_mentors(uuid[])`.execute(db);
  await db.schema.dropTable('mentor_match_index').execute();
  await db.schema.dropTable('mentor_match_stats').execute();
  await sql`DROP FUNCTION matching_normalize_role(text)`.execute(db);
  await sql`DROP FUNCTION matching_bits(text[])`.execute(db);
}
