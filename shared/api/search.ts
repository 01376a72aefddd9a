/**
 * Search API contract (Postgres full text over threads and replies).
 *
 *   GET /api/search?q=&tag=&author=&from=&to=&cursor=&limit=  -> SearchResults
 *
 * `q` uses web-search syntax: "exact phrase", -exclude, a or b. Title matches rank above
 * tags, tags above the question body, the body above replies. Empty, too short or
 * all-stop-word queries answer 200 with no items and a `notice` saying why — never an error;
 * an ordinary query with no match gets a notice too ("Nothing matches…"), so `notice` is
 * set whenever a first page is empty.
 * Tag and handle suggestions as you type: GET /api/tags?q= and GET /api/users/suggest?q=
 * (see shared/api/threads.ts).
 */
import { z } from 'zod';
import { tagSlug, type UserRef } from './threads';
import { pageCursor, pageLimit } from './paging';

export const SEARCH_MIN_CHARS = 2;

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, {
    message: 'must be a date like 2026-11-25',
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'must be a real date' });

/**
 * Web-search syntax reads every `-` before a word as a NOT, and Postgres gives up past 32 in a
 * row ("tsquery stack too small"). A run of minus signs with only punctuation between them
 * means what its parity means: one NOT, or none.
 */
const negationRun = /-(?:[^\p{L}\p{N}"-]*-)+/gu;
const collapseNegations = (s: string) =>
  s.replace(negationRun, (run) => (run.split('-').length % 2 === 0 ? '-' : ' '));

export const searchQuery = z.object({
  q: z
    .string()
    .transform((s) => collapseNegations(s.replaceAll('\u0000', ' ')).trim())
    .pipe(z.string().max(200, { message: 'must be at most 200 characters' }))
    .default(''),
  tag: tagSlug.optional(),
  /** A handle, with or without the leading @. */
  author: z
    .string()
    .trim()
    .transform((s) => s.replace(/^@/, ''))
    .pipe(z.string().min(1).max(40, { message: 'must be a handle' }))
    .optional(),
  /** Inclusive lower bound on the post's date. */
  from: date.optional(),
  /** Inclusive upper bound (a bare date means the whole day). */
  to: date.optional(),
  cursor: pageCursor(400),
  limit: pageLimit(50, 20),
});
export type SearchQuery = z.input<typeof searchQuery>;

/** A piece of the snippet; render `match` pieces in <mark>. Plain text — no HTML to inject. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  kind: 'thread' | 'reply';
  /** Thread id, or reply id for kind=reply. */
  id: string;
  threadId: string;
  threadTitle: string;
  /** Title with the query words marked (kind=thread) — same format as snippet. */
  title: SnippetPart[];
  snippet: SnippetPart[];
  tags: string[];
  author: UserRef;
  createdAt: string;
  points: number;
  rank: number;
  /** Where to go: /q/:threadId or /q/:threadId/r/:replyId. */
  url: string;
}

export interface SearchResults {
  items: SearchHit[];
  nextCursor: string | null;
  /** Set whenever the first page is empty: why, and what to try ("type at least 2 characters"). */
  notice: string | null;
}
