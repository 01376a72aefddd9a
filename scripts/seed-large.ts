/**
 * npm run seed:large [-- --threads 100000 --replies 1000000 --users 10000]
 * A large forum for benchmarks, made with set-based SQL (generate_series) — no row-by-row
 * inserts, so 100,000 threads and 1,000,000 replies take about a minute, not an hour.
 * Against DATABASE_URL or the embedded Postgres. Refuses to run twice on the same database.
 *
 * Shape: threads spread over a year, points skewed like real votes, 1–2 starter tags each;
 * every 1,000th thread has exactly 300 replies (the bench's "big thread"), the rest share
 * the remaining replies evenly. Replies form a forest: a quarter are top-level, the rest
 * hang under earlier replies (3 children each), so depth grows like log(n).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../server/db/types';
import { starterTags } from '../shared/taxonomy';

export interface SeedLargeOptions {
  threads: number;
  replies: number;
  users: number;
}

export const BIG_THREAD_REPLIES = 300;

const sentences = [
  'I moved from backend work to product after two years of writing specs nobody asked for.',
  'The internal transfer took eleven months from the first conversation to the new title.',
  'Customer interviews taught me more than any course on product management.',
  'My manager asked me to show product thinking, which meant writing decisions down.',
  'Consulting PM roles are mostly delivery for the first year, then discovery appears.',
  'A small side project with ten real users beat every portfolio teardown I wrote.',
  'Associate PM programs favour new graduates, but some welcome career switchers.',
  'Interview practice with mock product sense questions helped me stop freezing.',
  'At a startup the engineering lead often owns the roadmap by default.',
  'Founding a company that failed still gave me the best stories for interviews.',
  'Technical PM roles value platform experience and clear written trade-offs.',
  'An MBA helped with the network more than with the actual product skills.',
  'Writing a one-page brief before each build changed how clients saw me.',
  'Metrics matter, but the story of why you chose them matters more.',
  'Ask who decides what gets built next quarter before you accept the offer.',
  'Pay cuts are common for the first product role and usually recovered quickly.',
  'Shadowing the product team during planning was the turning point for me.',
  'Agency work teaches scoping and saying no, both core product skills.',
  'QA leads already define acceptance criteria, which is half of a spec.',
  'Remote roles made the switch possible without moving cities.',
];

export async function seedLarge(
  db: Kysely<DB>,
  o: SeedLargeOptions,
  log: (step: string, ms: number) => void = () => {},
): Promise<void> {
  const already = await db
    .selectFrom('users')
    .select('id')
    .where('handle', '=', 'load_1')
    .executeTakeFirst();
  if (already) throw new Error('This database already has the large data set (user load_1).');
  const bigEvery = 1000;
  const bigCount = Math.floor((o.threads - 1) / bigEvery) + 1;
  const restThreads = o.threads - bigCount;
  const restReplies = Math.max(o.replies - bigCount * BIG_THREAD_REPLIES, 0);

  await db.transaction().execute(async (trx) => {
    const restore = await dropSecondaryIndexes(trx, ['threads', 'replies', 'thread_follows']);
    let step = 0;
    const run = async (q: ReturnType<typeof sql>) => {
      const started = Date.now();
      await q.execute(trx);
      log(`step ${++step}`, Date.now() - started);
    };
    await run(sql`SET LOCAL synchronous_commit = off`);
    await run(sql`CREATE TEMP TABLE load_sentences (i int PRIMARY KEY, s text) ON COMMIT DROP`);
    await trx
      .insertInto('load_sentences' as never)
      .values(sentences.map((s, i) => ({ i, s })) as never)
      .execute();
    // Path of reply k in a thread whose first `r` replies are top-level and whose others
    // hang b-ary under earlier ones; segments are the replies' numbers, 12 hex digits each.
    await run(sql`
      CREATE FUNCTION pg_temp.load_path(base bigint, k int, r int, b int) RETURNS text
      LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE p text := ''; c int := k;
      BEGIN
        LOOP
          p := lpad(to_hex(base + c), 12, '0') || p;
          EXIT WHEN c < r;
          c := (c - r) / b;
        END LOOP;
        RETURN p;
      END $$`);

    await run(sql`
      INSERT INTO users (id, handle, display_name, bio, karma, created_at, last_active_at)
      SELECT md5('load-user-' || g)::uuid, 'load_' || g, 'Load tester ' || g, '', 0,
             now() - interval '400 days', now() - (g % 30) * interval '1 day'
        FROM generate_series(1, ${o.users}) g`);

    await run(sql`
      CREATE TEMP TABLE load_threads ON COMMIT DROP AS
      SELECT t, md5('load-thread-' || t)::uuid AS id,
             CASE WHEN t % ${bigEvery} = 1 THEN ${BIG_THREAD_REPLIES}
                  ELSE (${restReplies}::bigint * (t - 1 - (t - 1 + ${bigEvery} - 1) / ${bigEvery} + 1) / ${Math.max(restThreads, 1)})
                     - (${restReplies}::bigint * (t - 1 - (t - 1 + ${bigEvery} - 1) / ${bigEvery}) / ${Math.max(restThreads, 1)})
             END::int AS n,
             now() - (${o.threads} - t) * (interval '365 days' / ${o.threads}) - interval '5 minutes' AS created_at,
             1 + floor(power(random(), 6) * 400)::int AS points
        FROM generate_series(1, ${o.threads}) t`);

    const tags = [...starterTags];
    // Text comes from a few sentences, so each distinct body's search vector is computed
    // once and handed in (the search trigger keeps a vector given on INSERT) — the same
    // value the trigger would compute, without a million to_tsvector calls.
    await run(sql`
      CREATE TEMP TABLE load_thread_bodies ON COMMIT DROP AS
      SELECT g.n AS i, b.body, setweight(to_tsvector('english', b.body), 'C') AS vec
        FROM generate_series(0, 19) g(n),
        LATERAL (SELECT s1.s || ' ' || s2.s || E'\n\n' || s3.s AS body
                   FROM load_sentences s1, load_sentences s2, load_sentences s3
                  WHERE s1.i = g.n AND s2.i = (g.n * 7) % 20 AND s3.i = (g.n * 13) % 20) b`);
    await run(sql`
      CREATE TEMP TABLE load_reply_bodies ON COMMIT DROP AS
      SELECT s1.i AS i1, s2.i AS i2, s1.s || ' ' || s2.s AS body,
             setweight(to_tsvector('english', s1.s || ' ' || s2.s), 'D') AS vec
        FROM load_sentences s1, load_sentences s2`);

    await run(sql`
      INSERT INTO threads (id, author_id, title, body_md, body_html, tags, points, reply_count,
                           created_at, last_activity_at, updated_at, follower_count, hot_score,
                           search_vector)
      SELECT x.id, x.author_id, x.title, x.body, x.html, x.tags, x.points, x.n, x.created_at,
             x.created_at, x.created_at, 1, forum_hot_score(x.points, x.created_at, now()),
             setweight(to_tsvector('english', x.title), 'A')
               || setweight(to_tsvector('english', array_to_string(x.tags, ' ')), 'B') || x.vec
        FROM (
          SELECT lt.id, md5('load-user-' || (1 + (lt.t * 7919) % ${o.users}))::uuid AS author_id,
                 'Load question ' || lt.t || ': ' || left(s1.s, 80) AS title,
                 b.body, '<p>' || replace(b.body, E'\n\n', E'</p>\n<p>') || '</p>' AS html,
                 CASE WHEN lt.t % 3 = 0 THEN ARRAY[(${tags}::text[])[1 + lt.t % 11]]
                      ELSE ARRAY[(${tags}::text[])[1 + lt.t % 11], (${tags}::text[])[1 + (lt.t + 3) % 11]]
                 END AS tags,
                 lt.points, lt.n, lt.created_at, b.vec
            FROM load_threads lt
            JOIN load_sentences s1 ON s1.i = lt.t % 20
            JOIN load_thread_bodies b ON b.i = lt.t % 20) x`);

    // Reply k of thread t has number t*1000 + k (k < 1000), so ids and parents are computed,
    // never looked up.
    await run(sql`
      INSERT INTO replies (id, num, thread_id, parent_id, path, depth, author_id, body_md,
                           body_html, points, created_at, updated_at, search_vector)
      SELECT md5('load-reply-' || x.num)::uuid, x.num, x.thread_id,
             CASE WHEN x.k < x.top THEN NULL
                  ELSE md5('load-reply-' || (x.num - x.k + (x.k - x.top) / 3))::uuid END,
             x.path, length(x.path) / 12 - 1,
             md5('load-user-' || (1 + (x.t * 31 + x.k * 17) % ${o.users}))::uuid,
             b.body, '<p>' || b.body || '</p>', 1 + (x.k * 7 + x.t) % 9, x.at, x.at, b.vec
        FROM (
          SELECT lt.t, lt.id AS thread_id, k, r.top, lt.t::bigint * 1000 + k AS num,
                 pg_temp.load_path(lt.t::bigint * 1000, k, r.top, 3) AS path,
                 lt.created_at + (k + 1) * interval '3 minutes' AS at
            FROM load_threads lt
            CROSS JOIN LATERAL (SELECT greatest(1, lt.n / 4) AS top) r
            CROSS JOIN LATERAL generate_series(0, lt.n - 1) k) x
        JOIN load_reply_bodies b ON b.i1 = (x.t + x.k) % 20 AND b.i2 = (x.t * 3 + x.k * 11) % 20`);

    await run(sql`SELECT setval('replies_num_seq', (SELECT max(num) FROM replies))`);
    await run(sql`
      UPDATE threads t SET last_activity_at = t.created_at + lt.n * interval '3 minutes'
        FROM load_threads lt WHERE lt.id = t.id AND lt.n > 0`);
    await run(sql`
      INSERT INTO thread_follows (thread_id, user_id, created_at)
      SELECT id, author_id, created_at FROM threads WHERE id IN (SELECT id FROM load_threads)`);
    await run(sql`
      UPDATE users u SET karma = k.karma
        FROM (SELECT author_id, sum(points - 1)::int AS karma FROM threads
               WHERE id IN (SELECT id FROM load_threads) GROUP BY author_id) k
       WHERE k.author_id = u.id`);
    const started = Date.now();
    await restore();
    log('indexes and foreign keys rebuilt', Date.now() - started);
    await run(sql`
      UPDATE tags SET thread_count = (SELECT count(*) FROM threads t
        WHERE t.tags @> ARRAY[tags.slug] AND t.deleted_at IS NULL AND t.hidden_at IS NULL)`);
  });
  await sql`ANALYZE`.execute(db);
}

/**
 * Bulk loading into a table is several times faster without its secondary indexes and
 * foreign keys: one index build (parallel, sorted) and one validating join each instead of
 * a million row-by-row updates and trigger checks. Keeps primary keys and unique
 * constraints. Returns the function that puts everything back, exactly as it was defined.
 */
async function dropSecondaryIndexes(trx: Kysely<DB>, tables: string[]) {
  const { rows: fks } = await sql<{ tbl: string; name: string; def: string }>`
    SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(${tables})`.execute(
    trx,
  );
  const { rows: indexes } = await sql<{ name: string; def: string }>`
    SELECT indexname AS name, indexdef AS def FROM pg_indexes
     WHERE schemaname = 'public' AND tablename = ANY(${tables})
       AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))`.execute(
    trx,
  );
  for (const fk of fks)
    await sql.raw(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${fk.name}`).execute(trx);
  for (const ix of indexes) await sql.raw(`DROP INDEX ${ix.name}`).execute(trx);
  return async () => {
    await sql`SET LOCAL maintenance_work_mem = '256MB'`.execute(trx);
    for (const ix of indexes) await sql.raw(ix.def).execute(trx);
    for (const fk of fks)
      await sql.raw(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${fk.name} ${fk.def}`).execute(trx);
  };
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(64);
  }
  return v;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadConfig } = await import('../server/config');
  const { createDb, createPool } = await import('../server/db');
  const { resolveDatabase } = await import('../server/db/connect');
  const { migrateToLatest } = await import('../server/db/migrate');
  const { createLogger } = await import('../server/log');
  const opts = {
    threads: arg('threads', 100_000),
    replies: arg('replies', 1_000_000),
    users: arg('users', 10_000),
  };
  const config = loadConfig();
  const database = await resolveDatabase(config, createLogger({ ...config, LOG_LEVEL: 'warn' }));
  const db = createDb(createPool(database.url, 2));
  let code = 0;
  try {
    await migrateToLatest(db);
    const started = Date.now();
    await seedLarge(db, opts);
    console.log(
      `Seeded ${opts.threads.toLocaleString('en-US')} threads, ${opts.replies.toLocaleString('en-US')} replies, ` +
        `${opts.users.toLocaleString('en-US')} members in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } catch (err) {
    console.error(String(err));
    code = 1;
  } finally {
    await db.destroy();
    await database.stop();
  }
  process.exit(code);
}
