import { sql, type Kysely } from 'kysely';

/**
 * Full-text search: a weighted tsvector per thread (title A, tags B, body C) and per reply
 * (body D), with GIN indexes. Triggers keep them current on every insert and on every
 * change of the text. (Not generated columns: a bulk loader such as scripts/seed-large.ts
 * may hand in vectors it computed once per distinct text — the trigger trusts a vector
 * given on INSERT and recomputes on any UPDATE of the text.) Trigram indexes back the
 * as-you-type suggestions for tags and handles.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE threads ADD COLUMN search_vector tsvector`.execute(db);
  await sql`ALTER TABLE replies ADD COLUMN search_vector tsvector`.execute(db);

  await sql`
    CREATE FUNCTION forum_threads_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' AND NEW.search_vector IS NOT NULL THEN RETURN NEW; END IF;
      NEW.search_vector :=
        setweight(to_tsvector('english', NEW.title), 'A') ||
        setweight(to_tsvector('english', array_to_string(NEW.tags, ' ')), 'B') ||
        setweight(to_tsvector('english', NEW.body_md), 'C');
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER threads_search_vector BEFORE INSERT OR UPDATE OF title, tags, body_md
    ON threads FOR EACH ROW EXECUTE FUNCTION forum_threads_search_vector()`.execute(db);

  await sql`
    CREATE FUNCTION forum_replies_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' AND NEW.search_vector IS NOT NULL THEN RETURN NEW; END IF;
      NEW.search_vector := setweight(to_tsvector('english', NEW.body_md), 'D');
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER replies_search_vector BEFORE INSERT OR UPDATE OF body_md
    ON replies FOR EACH ROW EXECUTE FUNCTION forum_replies_search_vector()`.execute(db);

  // Rows that exist already (demo content) get their vectors now.
  await sql`UPDATE threads SET body_md = body_md`.execute(db);
  await sql`UPDATE replies SET body_md = body_md`.execute(db);

  await sql`CREATE INDEX threads_search_idx ON threads USING gin (search_vector)`.execute(db);
  await sql`CREATE INDEX replies_search_idx ON replies USING gin (search_vector)`.execute(db);

  await sql`CREATE INDEX tags_slug_trgm_idx ON tags USING gin (slug gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX users_handle_trgm_idx ON users USING gin (lower(handle) gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX users_display_name_trgm_idx ON users USING gin (lower(display_name) gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX users_display_name_trgm_idx, users_handle_trgm_idx, tags_slug_trgm_idx`.execute(
    db,
  );
  await sql`DROP TRIGGER replies_search_vector ON replies`.execute(db);
  await sql`DROP TRIGGER threads_search_vector ON threads`.execute(db);
  await sql`DROP FUNCTION forum_replies_search_vector()`.execute(db);
  await sql`DROP FUNCTION forum_threads_search_vector()`.execute(db);
  await sql`ALTER TABLE replies DROP COLUMN search_vector`.execute(db);
  await sql`ALTER TABLE threads DROP COLUMN search_vector`.execute(db);
}
