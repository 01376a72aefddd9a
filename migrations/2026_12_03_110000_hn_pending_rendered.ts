import type { Kysely } from 'kysely';

/**
 * A reply waiting in hn_pending for its parent keeps the markdown and HTML it was rendered
 * to when it was read (by the import's render workers), so attaching it later does not
 * render it a second time on the importer's main thread — in a shuffled dump most replies
 * wait. NULL for rows an older importer left: those are rendered when they are attached.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('hn_pending')
    .addColumn('body_md', 'text')
    .addColumn('body_html', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('hn_pending').dropColumn('body_md').dropColumn('body_html').execute();
}
