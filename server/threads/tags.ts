import { sql } from 'kysely';
import { starterTags } from '../../shared/taxonomy';
import type { Config } from '../config';
import { invalid } from '../http/errors';
import type { Author, Trx } from '../forum/author';

const starter = new Set<string>(starterTags);

/**
 * A thread's tags must exist: the curated starter set always does; other existing tags can
 * be used by anyone; a brand-new tag can only be created by members with enough karma (and
 * moderators), so the vocabulary does not fill with near-duplicates from drive-by accounts.
 */
export async function ensureTags(
  trx: Trx,
  tags: string[],
  author: Author,
  config: Pick<Config, 'FORUM_NEW_TAG_MIN_KARMA'>,
): Promise<void> {
  const existing = new Set(
    (await trx.selectFrom('tags').select('slug').where('slug', 'in', tags).execute()).map(
      (t) => t.slug,
    ),
  );
  const missing = tags.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  const mayCreate =
    author.role === 'moderator' ||
    author.role === 'admin' ||
    author.karma >= config.FORUM_NEW_TAG_MIN_KARMA;
  for (const slug of missing) {
    if (!starter.has(slug) && !mayCreate)
      throw invalid(
        'tags',
        `"${slug}" is not a tag yet; members with ${config.FORUM_NEW_TAG_MIN_KARMA} karma can create new tags — please pick an existing one`,
      );
  }
  await trx
    .insertInto('tags')
    .values(
      missing.map((slug) => ({
        slug,
        starter: starter.has(slug),
        created_by: starter.has(slug) ? null : author.id,
      })),
    )
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
}

/** Recounts visible threads for the given tags (GIN on threads.tags makes this cheap). */
export async function recountTags(trx: Trx, slugs: Iterable<string>): Promise<void> {
  const list = [...new Set(slugs)];
  if (list.length === 0) return;
  await sql`
    UPDATE tags SET thread_count = (
      SELECT count(*) FROM threads t
       WHERE t.tags @> ARRAY[tags.slug] AND t.deleted_at IS NULL AND t.hidden_at IS NULL
    ) WHERE slug = ANY(${list}::text[])`.execute(trx);
}
