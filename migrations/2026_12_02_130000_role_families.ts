import { sql, type Kysely } from 'kysely';

/**
 * Issue 13 splits role families: agency/web developers out of frontend, ML engineering out of
 * data/ML, and adds embedded, security and game development. Existing profiles are mapped
 * from the role title the person wrote (the same words shared/taxonomy.ts guesses from);
 * triggers on the profile tables keep mentor_match_index in step.
 */
const TABLES = [
  ['mentor_profiles', 'role_before', 'role_before_family'],
  ['asker_profiles', 'role_now', 'role_now_family'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, role, family] of TABLES) {
    const t = sql.table(table);
    const r = sql.ref(role);
    const f = sql.ref(family);
    await sql`UPDATE ${t} SET ${f} = 'web-agency'
      WHERE ${f} = 'frontend' AND ${r} ~* '(agency|freelance|wordpress|shopify|drupal|\\mweb)'
        AND ${r} !~* '(front[ -]?end|\\mfe\\M|\\mui\\M|react)'`.execute(db);
    await sql`UPDATE ${t} SET ${f} = 'ml'
      WHERE ${f} = 'data' AND ${r} ~* '(\\mml\\M|machine learning|\\mai\\M|mlops|deep learning|nlp)'`.execute(
      db,
    );
    await sql`UPDATE ${t} SET ${f} = 'embedded'
      WHERE ${f} = 'other' AND ${r} ~* '(embedded|firmware|hardware|\\miot\\M|fpga|rtos)'`.execute(
      db,
    );
    await sql`UPDATE ${t} SET ${f} = 'security'
      WHERE ${f} = 'other' AND ${r} ~* '(security|appsec|infosec|pentest|penetration)'`.execute(db);
    await sql`UPDATE ${t} SET ${f} = 'games'
      WHERE ${f} = 'other' AND ${r} ~* '(\\mgames?\\M|gameplay|unity|unreal)'`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, , family] of TABLES) {
    const t = sql.table(table);
    const f = sql.ref(family);
    await sql`UPDATE ${t} SET ${f} = 'frontend' WHERE ${f} = 'web-agency'`.execute(db);
    await sql`UPDATE ${t} SET ${f} = 'data' WHERE ${f} = 'ml'`.execute(db);
    await sql`UPDATE ${t} SET ${f} = 'other' WHERE ${f} IN ('embedded', 'security', 'games')`.execute(
      db,
    );
  }
  // The bridge path did not exist before; its nearest older path is an internal transfer.
  await sql`UPDATE mentor_profiles SET path_taken = 'internal-transfer'
    WHERE path_taken = 'product-adjacent'`.execute(db);
  await sql`UPDATE asker_profiles
    SET paths_weighed = array_remove(paths_weighed, 'product-adjacent')`.execute(db);
}
