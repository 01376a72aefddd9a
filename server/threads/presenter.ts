import type { ContentState, ThreadDetail, ThreadSummary, UserRef } from '../../shared/api/threads';
import type { PolicyContext } from '../forum/policy';
import { permissionsFor } from '../forum/policy';
import { isModerator } from '../auth/viewer';
import { threadFactsOf } from '../forum/posting';
import type { ThreadListRow } from './queries';
import type { ThreadRow } from './thread-queries';

export const HIDDEN_NOTICE_HTML =
  '<p class="moderation-notice">A moderator hid this post because it breaks the community rules.</p>';
export const DELETED = '[deleted]';

interface AuthorColumns {
  author_id: string | null;
  author_handle: string | null;
  author_display_name: string | null;
  author_deleted_at: Date | null;
  author_imported?: boolean | null;
  /** Present when the query joins the author's switch story (replies do). */
  author_mentor_role_before?: string | null;
  author_mentor_switch_year?: number | null;
}

export function presentAuthor(row: AuthorColumns): UserRef {
  if (!row.author_id || row.author_deleted_at)
    return { id: null, handle: DELETED, displayName: DELETED };
  return {
    id: row.author_id,
    handle: row.author_handle!,
    displayName: row.author_display_name!,
    ...(row.author_imported ? { imported: true } : {}),
    ...(row.author_mentor_switch_year && row.author_mentor_role_before
      ? {
          mentor: {
            switchYear: row.author_mentor_switch_year,
            roleBefore: row.author_mentor_role_before,
          },
        }
      : {}),
  };
}

export const deletedAuthor: UserRef = { id: null, handle: DELETED, displayName: DELETED };

/** Plain-text excerpt from markdown: strip the syntax people would see as noise. */
export function excerpt(markdown: string, max = 220): string {
  const text = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text;
}

export function presentThreadSummary(row: ThreadListRow): ThreadSummary {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerpt(row.body_start),
    tags: row.tags,
    author: presentAuthor(row),
    points: row.points,
    replyCount: row.reply_count,
    answered: row.helpful_count > 0,
    locked: row.locked_at !== null,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}

export function stateOf(row: { deleted_at: Date | null; hidden_at: Date | null }): ContentState {
  return row.deleted_at ? 'deleted' : row.hidden_at ? 'hidden' : 'visible';
}

export function presentThread(row: ThreadRow, policy: PolicyContext): ThreadDetail['thread'] {
  const state = stateOf(row);
  const mod = isModerator(policy.viewer);
  const own = !!policy.viewer && policy.viewer.id === row.author_id;
  const showBody = state === 'visible' || (state === 'hidden' && mod);
  const facts = threadFactsOf(row);
  return {
    id: row.id,
    title: state === 'deleted' ? DELETED : state === 'hidden' && !mod ? '[hidden]' : row.title,
    excerpt: showBody ? excerpt(row.body_md) : '',
    tags: row.tags,
    author: state === 'deleted' ? deletedAuthor : presentAuthor(row),
    points: row.points,
    replyCount: row.reply_count,
    answered: row.helpful_count > 0,
    locked: row.locked_at !== null,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    bodyHtml: showBody ? row.body_html : state === 'hidden' ? HIDDEN_NOTICE_HTML : '',
    ...(showBody && (own || mod) ? { bodyMarkdown: row.body_md } : {}),
    state,
    editedAt: row.edited_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    revisionCount: row.revision_count,
    followerCount: row.follower_count,
    viewer: {
      voted: row.viewer_voted,
      following: row.viewer_following,
      permissions: permissionsFor(policy, facts, facts, 'thread'),
    },
  };
}
