import { sql } from 'kysely';
import { isModerator, type Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { logModeration } from '../moderation/audit';
import { Outbox } from '../realtime/outbox';
import { lockAuthor, type Author, type Trx } from './author';
import { clearForumCaches } from './read-cache';
import type { PostFacts, ThreadFacts } from './policy';

/**
 * One forum write (a thread or a reply, created, edited or deleted): the member's writer lock
 * comes first, as it serialises their posts and re-checks a suspension; the live events the
 * work records go out only once the transaction has committed.
 */
export function forumWrite<T>(
  ctx: AppContext,
  viewer: Viewer,
  work: (trx: Trx, outbox: Outbox, author: Author) => Promise<T>,
): Promise<T> {
  return withOutbox(ctx, async (trx, outbox) =>
    work(trx, outbox, await lockAuthor(trx, viewer, ctx.config)),
  );
}

/** One transaction whose recorded live events are published only after it commits. */
export async function withOutbox<T>(
  ctx: AppContext,
  work: (trx: Trx, outbox: Outbox) => Promise<T>,
): Promise<T> {
  const outbox = new Outbox();
  const result = await ctx.db.transaction().execute((trx) => work(trx, outbox));
  // Committed: no cached read may predate it once its live events are out (read-cache.ts).
  clearForumCaches(ctx);
  outbox.publish(ctx);
  return result;
}

interface PostRow {
  author_id: string | null;
  created_at: Date;
  deleted_at: Date | null;
  hidden_at: Date | null;
}

/** What the policy needs to know about a locked thread or reply row. */
export function postFacts(row: PostRow): PostFacts {
  return {
    authorId: row.author_id,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
    hiddenAt: row.hidden_at,
  };
}

export function threadFactsOf(row: PostRow & { locked_at: Date | null }): ThreadFacts {
  return { ...postFacts(row), lockedAt: row.locked_at };
}

/**
 * Before an edit, the text it replaces becomes the next numbered revision, credited to whoever
 * wrote that text (the last editor, else the author). Threads also keep their title and tags.
 */
export async function saveRevision(
  trx: Trx,
  target: { threadId: string; replyId: string | null; title?: string; tags?: string[] },
  row: PostRow & {
    body_md: string;
    body_html: string;
    edited_at: Date | null;
    edited_by: string | null;
    revision_count: number;
  },
): Promise<void> {
  await trx
    .insertInto('revisions')
    .values({
      thread_id: target.threadId,
      reply_id: target.replyId,
      number: row.revision_count + 1,
      title: target.title, // undefined (a reply): Kysely leaves the column out
      tags: target.tags,
      body_md: row.body_md,
      body_html: row.body_html,
      editor_id: row.edited_by ?? row.author_id,
      written_at: row.edited_at ?? row.created_at,
    })
    .execute();
}

/** What an edit sets besides the new text: who edited, when, and one more revision. */
export function editedBy(viewer: Viewer) {
  return {
    edited_at: new Date(),
    edited_by: viewer.id,
    updated_at: new Date(),
    revision_count: sql<number>`${sql.ref('revision_count')} + ${1}`,
  };
}

/** A moderator editing or deleting someone else's post leaves a row in the moderation log. */
export async function auditIfModerating(
  trx: Trx,
  viewer: Viewer,
  authorId: string | null,
  entry: {
    action: 'edit' | 'delete';
    targetType: 'thread' | 'reply';
    targetId: string;
    threadId: string;
  },
): Promise<void> {
  if (viewer.id !== authorId && isModerator(viewer)) await logModeration(trx, viewer, entry);
}
