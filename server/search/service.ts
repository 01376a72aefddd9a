import type { z } from 'zod';
import {
  SEARCH_MIN_CHARS,
  type searchQuery,
  type SearchHit,
  type SearchResults,
  type SnippetPart,
} from '../../shared/api/search';
import type { AppContext } from '../context';
import { replyUrl, threadUrl } from '../forum/urls';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { presentAuthor } from '../threads/presenter';
import { queryIsEmpty, searchPosts, START, STOP, type SearchRow } from './queries';

type Query = z.output<typeof searchQuery>;

const empty = (notice: string): SearchResults => ({ items: [], nextCursor: null, notice });

/** A date-only upper bound includes that whole day. */
function upperBound(to: string): Date {
  const d = new Date(to);
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(d.getTime() + 86_400_000) : d;
}

export async function search(ctx: AppContext, q: Query): Promise<SearchResults> {
  const text = q.q.trim();
  if (text.length === 0) return empty('Type what you are looking for.');
  if ([...text].length < SEARCH_MIN_CHARS)
    return empty(`Type at least ${SEARCH_MIN_CHARS} characters.`);
  let authorId: string | undefined;
  if (q.author) {
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['handle']), '=', q.author!.toLowerCase()))
      .executeTakeFirst();
    if (!user) return empty(`Nobody here is called @${q.author}.`);
    authorId = user.id;
  }
  const after = decodeCursor(q.cursor, ['number', 'uuid']);
  const rows = await searchPosts(ctx.db, {
    q: text,
    tag: q.tag,
    authorId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? upperBound(q.to) : undefined,
    limit: q.limit + 1,
    after,
  });
  if (rows.length === 0 && !q.cursor) {
    if (await queryIsEmpty(ctx.db, text))
      return empty('Those words are too common to search for; try something more specific.');
    return empty('Nothing matches. Try fewer words, or remove a filter.');
  }
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentHit),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.rank, last.id]) : null,
    notice: null,
  };
}

/** ts_headline output with our markers -> plain text parts; nothing here is HTML. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of marked.split(START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk.replaceAll(STOP, ''), match: false });
      continue;
    }
    const [hit, rest = ''] = chunk.split(STOP, 2);
    if (hit) parts.push({ text: hit, match: true });
    if (rest) parts.push({ text: rest.replaceAll(STOP, ''), match: false });
  }
  return parts;
}

function presentHit(row: SearchRow): SearchHit {
  return {
    kind: row.kind,
    id: row.id,
    threadId: row.thread_id,
    threadTitle: row.thread_title,
    title: row.title_hl ? snippetParts(row.title_hl) : [{ text: row.thread_title, match: false }],
    snippet: snippetParts(row.snippet),
    tags: row.tags,
    author: presentAuthor(row),
    createdAt: new Date(row.created_at).toISOString(),
    points: row.points,
    rank: row.rank,
    url: row.kind === 'thread' ? threadUrl(row.thread_id) : replyUrl(row.thread_id, row.id),
  };
}
