import { sql, type Kysely } from 'kysely';

/**
 * Asker and mentor profiles, one row per user each (a person can be both). Vocabulary
 * columns (paths, company types, focus, role families) hold ids from shared/taxonomy.ts;
 * they are not CHECKed here so the taxonomy can grow without a migration. Free-form tag
 * lists (industries, skills) are stored trimmed and lower-cased so matching compares them
 * with plain equality.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Recent activity orders the mentor list; sign-in, posting and saving a profile touch it.
  await db.schema
    .alterTable('users')
    .addColumn('last_active_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`UPDATE users SET last_active_at = created_at`.execute(db);
  await db.schema
    .createIndex('users_last_active_idx')
    .on('users')
    .columns(['last_active_at desc', 'id desc'])
    .execute();

  await db.schema
    .createTable('asker_profiles')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // "current_role" would be the SQL keyword CURRENT_ROLE in hand-written queries, hence role_now.
    .addColumn('role_now', 'text', (c) => c.notNull())
    .addColumn('role_now_family', 'text', (c) => c.notNull())
    .addColumn('years_of_experience', 'integer', (c) =>
      c.notNull().check(sql`years_of_experience BETWEEN 0 AND 60`),
    )
    .addColumn('company_type', 'text', (c) => c.notNull())
    .addColumn('company_size', 'text')
    .addColumn('industries', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('paths_weighed', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('constraints', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('focus', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('goals', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('mentor_profiles')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('headline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role_before', 'text', (c) => c.notNull())
    .addColumn('role_before_family', 'text', (c) => c.notNull())
    .addColumn('role_now', 'text', (c) => c.notNull())
    .addColumn('path_taken', 'text', (c) => c.notNull())
    .addColumn('switch_year', 'integer', (c) =>
      c.notNull().check(sql`switch_year BETWEEN 1970 AND 2100`),
    )
    .addColumn('months_to_switch', 'integer', (c) =>
      c.notNull().check(sql`months_to_switch BETWEEN 0 AND 240`),
    )
    // Years of engineering work before the switch, when the mentor says.
    .addColumn('years_before_switch', 'integer', (c) =>
      c.check(sql`years_before_switch BETWEEN 0 AND 60`),
    )
    .addColumn('company_type_before', 'text', (c) => c.notNull())
    .addColumn('company_size_before', 'text', (c) => c.notNull())
    .addColumn('company_type_after', 'text', (c) => c.notNull())
    .addColumn('company_size_after', 'text', (c) => c.notNull())
    .addColumn('industries', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('skills', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('story', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('what_helped', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('focus', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('capacity', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(2)
        .check(sql`capacity BETWEEN 0 AND 20`),
    )
    .addColumn('notify_matching_questions', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('max_question_notifications_per_day', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(3)
        .check(sql`max_question_notifications_per_day BETWEEN 1 AND 20`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('mentor_profiles_path_idx')
    .on('mentor_profiles')
    .column('path_taken')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mentor_profiles').execute();
  await db.schema.dropTable('asker_profiles').execute();
  await db.schema.dropIndex('users_last_active_idx').execute();
  await db.schema.alterTable('users').dropColumn('last_active_at').execute();
}
