/**
 * Forum API contract: threads, replies, votes, "this helped me", follows, revisions.
 * Every path below is under /api. Writes need a signed-in viewer (401 otherwise) and the
 * CSRF header the auth layer asks for. Errors use shared/api/errors.ts.
 *
 *   GET    /threads?sort=hot|new|top|unanswered&period=&tag=&cursor=&limit=  -> Page<ThreadSummary>
 *   POST   /threads                          createThreadInput  -> 201 ThreadDetail (200 on a retry with the same id)
 *   GET    /threads/:id?sort=best|oldest|newest                 -> ThreadDetail (whole tree, one query) —
 *          the PUBLIC body, byte for byte the same for every reader, signed in or not (viewer
 *          parts at a visitor's defaults); moderators add &view=moderation for their own build
 *   GET    /threads/:id/viewer                                  -> ThreadViewerOverlay (signed in: the
 *          per-person part; merge with shared/forum/viewer-overlay.ts `withViewer`)
 *   GET    /threads/:id/replies/:replyId?sort=                  -> ReplySubtree ("continue this thread", permalinks)
 *   PATCH  /threads/:id                      editThreadInput    -> ThreadDetail['thread']
 *   DELETE /threads/:id                                         -> 204
 *   GET    /threads/:id/revisions                               -> Revision[] (newest first)
 *   POST   /threads/:id/replies              createReplyInput   -> 201 ReplyNode (200 on a retry with the same id)
 *   PATCH  /replies/:id                      editReplyInput     -> ReplyNode
 *   DELETE /replies/:id                                         -> 204
 *   GET    /replies/:id                                         -> ReplyLocation (where a permalink points)
 *   GET    /replies/:id/revisions                               -> Revision[] (newest first)
 *   PUT    /threads/:id/vote   | DELETE /threads/:id/vote      -> VoteResult
 *   PUT    /replies/:id/vote   | DELETE /replies/:id/vote      -> VoteResult
 *   PUT    /replies/:id/helpful | DELETE /replies/:id/helpful  -> HelpfulResult (asker only)
 *   PUT    /threads/:id/follow | DELETE /threads/:id/follow    -> FollowResult
 *   GET    /tags?q=                                             -> TagSuggestion[] (pg_trgm; starter tags when q is empty)
 *   GET    /users/suggest?q=                                    -> HandleSuggestion[] (pg_trgm, for @mentions)
 * Client routes the server links to: /q/:threadId (thread), /q/:threadId/r/:replyId (reply
 * permalink: the thread scrolled to that reply, with its context), /u/:handle (profile),
 * /t/:tag (tag page).
 * Search: shared/api/search.ts. Flags and moderation: shared/api/moderation.ts.
 *
 * Errors worth handling in the UI:
 *   409 conflict + error.existingId/existingUrl: the same body was posted by you to the same
 *       parent within 10 minutes ("You already posted this"), link to it.
 *   409 conflict (id taken by someone else) — generate a new uuid.
 *   429 rate_limited + Retry-After + error.retryAfter (seconds): posting or voting too fast.
 *   403 forbidden: edit window over, thread locked, suspended, self-vote, not the asker…
 *   400 invalid_input + field: title | body | tags | tags.N | parentId | cursor | …
 */
import { z } from 'zod';
import { starterTags } from '../taxonomy';
import { pageCursor, pageLimit } from './paging';

export { starterTags };

export const TITLE_MIN = 8;
export const TITLE_MAX = 200;
export const BODY_MAX = 40_000;
export const TAGS_MIN = 1;
export const TAGS_MAX = 5;
/** Replies deeper than this below the requested root come with `moreReplies` instead. */
export const TREE_DEPTH_LIMIT = 8;

/** NUL cannot be stored by Postgres and is never meant; strip it instead of failing. */
const clean = (s: string) => s.replaceAll('\u0000', '');

export const tagSlug = z
  .string({ message: 'must be a tag' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must be a lowercase slug like career-switch (letters, digits, single dashes)',
  })
  .max(40, { message: 'must be at most 40 characters' });

const title = z
  .string({ message: 'is required' })
  .transform(clean)
  .pipe(
    z
      .string()
      .trim()
      .min(TITLE_MIN, { message: `must be ${TITLE_MIN}–${TITLE_MAX} characters` })
      .max(TITLE_MAX, { message: `must be ${TITLE_MIN}–${TITLE_MAX} characters` }),
  );

const body = z
  .string({ message: 'is required' })
  .transform(clean)
  .pipe(
    z
      .string()
      .max(BODY_MAX, { message: `must be at most ${BODY_MAX.toLocaleString('en-US')} characters` })
      .refine((s) => s.trim().length > 0, { message: 'must not be empty' }),
  );

const tags = z
  .array(tagSlug, { message: 'must be a list of tags' })
  .min(TAGS_MIN, { message: `pick ${TAGS_MIN}–${TAGS_MAX} tags` })
  .max(TAGS_MAX, { message: `pick ${TAGS_MIN}–${TAGS_MAX} tags` })
  .refine((t) => new Set(t).size === t.length, { message: 'must not repeat a tag' });

const clientId = z.uuid({ message: 'must be a uuid made by the client (crypto.randomUUID())' });

/** Ids we hand out are uuids; any uuid-shaped id is accepted back (imports, bulk loads). */
const anyId = () => z.guid({ message: 'is not a valid id' });
export const idParam = z.object({ id: anyId() });
export const replyIdParam = z.object({ id: anyId(), replyId: anyId() });

// ---------------------------------------------------------------- lists

export const threadSorts = ['hot', 'new', 'top', 'unanswered'] as const;
export type ThreadSort = (typeof threadSorts)[number];
export const topPeriods = ['day', 'week', 'month', 'all'] as const;
export type TopPeriod = (typeof topPeriods)[number];

export const threadListQuery = z.object({
  sort: z.enum(threadSorts, { message: 'must be hot, new, top or unanswered' }).default('hot'),
  /** Only for sort=top; defaults to week. */
  period: z.enum(topPeriods, { message: 'must be day, week, month or all' }).default('week'),
  tag: tagSlug.optional(),
  cursor: pageCursor(400),
  limit: pageLimit(100, 30),
});
export type ThreadListQuery = z.input<typeof threadListQuery>;

export interface UserRef {
  /** null when the account was deleted (handle/displayName are then "[deleted]"). */
  id: string | null;
  handle: string;
  displayName: string;
  /** Placeholder account created by the Hacker News import. */
  imported?: boolean;
  /** A mentor's switch, for the badge beside their replies ("PM since 2019 · was …"). */
  mentor?: { switchYear: number; roleBefore: string };
}

export interface ThreadSummary {
  id: string;
  title: string;
  excerpt: string;
  tags: string[];
  author: UserRef;
  points: number;
  replyCount: number;
  /** A reply is marked "this helped me" by the asker. */
  answered: boolean;
  locked: boolean;
  createdAt: string;
  lastActivityAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------- thread detail

export const replySorts = ['best', 'oldest', 'newest'] as const;
export type ReplySort = (typeof replySorts)[number];
export const threadDetailQuery = z.object({
  sort: z.enum(replySorts, { message: 'must be best, oldest or newest' }).default('best'),
});

/** What the viewer may do here; the UI hides buttons it must not show. */
export interface Permissions {
  edit: boolean;
  delete: boolean;
  vote: boolean;
  reply: boolean;
  flag: boolean;
  /** Thread: the asker (mark replies helpful). Reply: may mark/unmark this one. */
  markHelpful: boolean;
  moderate: boolean;
}

/**
 * `state`: 'visible'; 'deleted' (kept as "[deleted]" because it has replies; body empty,
 * author "[deleted]"); 'hidden' (a moderator hid it; body replaced by a notice — moderators
 * still get bodyHtml and can restore it).
 */
export type ContentState = 'visible' | 'deleted' | 'hidden';

export interface ThreadDetail {
  thread: ThreadSummary & {
    bodyHtml: string;
    /** Only for the author and moderators (edit form). */
    bodyMarkdown?: string;
    state: ContentState;
    editedAt: string | null;
    /** Changes on any change (edit, vote, reply count, lock, hide, helpful). */
    updatedAt: string;
    revisionCount: number;
    followerCount: number;
    viewer: { voted: boolean; following: boolean; permissions: Permissions };
  };
  /**
   * Every reply in display order (depth-first, siblings in the chosen sort), flattened.
   * Render with `depth` for indentation; `parentId` links to the parent. Deleted leaves
   * are already removed.
   */
  replies: ReplyNode[];
  /** Ids of replies the asker marked "this helped me", best first — show them on top. */
  helpfulReplyIds: string[];
  /** The same replies as nodes (also when they sit below the depth limit of `replies`). */
  helpfulReplies: ReplyNode[];
  sort: ReplySort;
  /**
   * The thread's live-event sequence number as of this response (0 before any event). The
   * page joins its Socket.IO room with it and receives exactly the events after it.
   * Always sent by GET /threads/:id (optional only so hand-made fixtures need not carry it).
   */
  eventSeq?: number;
}

/**
 * The per-person part of a thread page for a signed-in member, fetched beside the shared
 * public body and merged into it (shared/forum/viewer-overlay.ts). Constant size in the
 * number of replies except for the viewer's own votes and posts in this thread.
 */
export interface ThreadViewerOverlay {
  threadId: string;
  viewer: { id: string; role: 'member' | 'moderator' | 'admin' };
  /** The server's clock and edit window, so the edit buttons match what the server allows. */
  now: string;
  editWindowHours: number;
  voted: boolean;
  following: boolean;
  /** Replies in this thread the viewer voted for. */
  votedReplyIds: string[];
  /** The markdown source of the viewer's own thread / replies (their edit forms). */
  threadMarkdown: string | null;
  replyMarkdown: Record<string, string>;
}

export interface ReplyNode {
  id: string;
  threadId: string;
  parentId: string | null;
  /** 0 for a direct reply to the thread. */
  depth: number;
  author: UserRef;
  bodyHtml: string;
  bodyMarkdown?: string;
  state: ContentState;
  points: number;
  helpful: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Changes on any change (edit, vote, delete, hide, helpful): newer wins when merging live events. */
  updatedAt: string;
  revisionCount: number;
  /** Direct children in this response + hidden below the depth limit. */
  childCount: number;
  /**
   * Replies below this one that are NOT in the response (depth limit): show
   * "continue this thread" and load GET /threads/:threadId/replies/:id.
   */
  moreReplies: number;
  /** `/q/<threadId>/r/<id>` — opens the thread scrolled to this reply. */
  permalink: string;
  viewer: { voted: boolean; permissions: Permissions };
}

/** "Continue this thread" / permalink: the reply, its subtree, and the path above it. */
export interface ReplySubtree {
  thread: Pick<ThreadSummary, 'id' | 'title' | 'tags' | 'author' | 'locked'>;
  /** Parent chain from the top-level reply down to the focus's parent (context). */
  ancestors: ReplyNode[];
  /** The focus reply first (depth as in the full tree), then its descendants. */
  replies: ReplyNode[];
  focusId: string;
}

export interface ReplyLocation {
  threadId: string;
  replyId: string;
  depth: number;
  permalink: string;
}

// ---------------------------------------------------------------- writes

export const createThreadInput = z.object({
  id: clientId,
  title,
  body,
  tags,
});
export type CreateThreadInput = z.input<typeof createThreadInput>;

export const editThreadInput = z
  .object({ title: title.optional(), body: body.optional(), tags: tags.optional() })
  .refine((v) => v.title !== undefined || v.body !== undefined || v.tags !== undefined, {
    message: 'send at least one of title, body, tags',
  });
export type EditThreadInput = z.input<typeof editThreadInput>;

export const createReplyInput = z.object({
  id: clientId,
  /** null or absent: a direct reply to the thread. */
  parentId: z.guid({ message: 'is not a valid reply id' }).nullish(),
  body,
});
export type CreateReplyInput = z.input<typeof createReplyInput>;

export const editReplyInput = z.object({ body });
export type EditReplyInput = z.input<typeof editReplyInput>;

export interface Revision {
  /** 1 = the original; the current text is not a revision (it is the thread/reply). */
  number: number;
  title: string | null;
  tags: string[] | null;
  bodyHtml: string;
  bodyMarkdown: string;
  editor: UserRef;
  /** When this version was replaced by the next one. */
  replacedAt: string;
}

export interface VoteResult {
  voted: boolean;
  points: number;
  /** Votes the viewer has left today under the daily cap. */
  votesLeftToday: number;
}

export interface HelpfulResult {
  helpful: boolean;
  answered: boolean;
  helpfulReplyIds: string[];
}

export interface FollowResult {
  following: boolean;
  followerCount: number;
}

export const suggestQuery = z.object({
  q: z
    .string()
    .transform(clean)
    .pipe(z.string().trim().max(40, { message: 'must be at most 40 characters' }))
    .default(''),
});

export interface TagSuggestion {
  slug: string;
  threadCount: number;
  starter: boolean;
}

export interface HandleSuggestion {
  id: string;
  handle: string;
  displayName: string;
}

export interface ConflictDetails {
  existingId: string;
  existingUrl: string;
}
