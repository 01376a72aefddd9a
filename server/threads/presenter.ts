import type { ThreadSummary, UserRef } from '../../shared/api/threads';
import type { ThreadListRow } from './queries';

export function presentAuthor(row: {
  author_id: string | null;
  author_handle: string | null;
  author_display_name: string | null;
  author_deleted_at: Date | null;
}): UserRef {
  if (!row.author_id || row.author_deleted_at)
    return { id: null, handle: '[deleted]', displayName: '[deleted]' };
  return { id: row.author_id, handle: row.author_handle!, displayName: row.author_display_name! };
}

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
    excerpt: excerpt(row.body_md),
    tags: row.tags,
    author: presentAuthor(row),
    points: row.points,
    replyCount: row.reply_count,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}
