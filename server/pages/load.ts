import { matchRoutes } from 'react-router';
import { isPathId, type PathDetail, type PathSummary } from '../../shared/api/paths';
import type { PublicProfile } from '../../shared/api/profiles';
import type { SessionInfo } from '../../shared/api/auth';
import {
  replySorts,
  threadListQuery,
  threadSorts,
  topPeriods,
  type Page,
  type ReplySort,
  type ThreadDetail,
  type ThreadSort,
  type ThreadSummary,
  type TopPeriod,
} from '../../shared/api/threads';
import { routes } from '../../client/src/router';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import type { CachedJson } from '../http/json-cache';
import { pathDetail, pathSummaries } from '../paths/routes';
import { getPublicProfile } from '../profiles/service';
import { tagSuggestions } from '../search/routes';
import { tagExists } from '../tags/queries';
import { findThreadFacts } from '../threads/thread-queries';
import { publicThreadEntry, threadListEntry } from '../threads/public-reads';

/** One React Query entry, keyed exactly as the client's components key it. */
export interface QueryEntry {
  key: readonly unknown[];
  data: unknown;
}

export type PageData =
  | { kind: 'home'; sort: ThreadSort; list: Page<ThreadSummary> }
  | { kind: 'tag'; tag: string; sort: ThreadSort; list: Page<ThreadSummary> }
  | { kind: 'thread'; detail: ThreadDetail }
  | { kind: 'profile'; profile: PublicProfile }
  | { kind: 'paths'; paths: PathSummary[] }
  | { kind: 'path'; path: PathDetail };

export interface LoadedPage {
  status: 200 | 404 | 410;
  /** A moved page (old /t/<thread id> links): answer with a redirect instead. */
  redirect?: string;
  /** Public pages only: what the page shows, and the queries its components read. */
  data?: PageData;
  queries: QueryEntry[];
  /**
   * How long the rendered HTML may be kept: never longer than the cached bodies it was made
   * from (the forum's read caches), so a page is never older than its JSON. 0 = not kept.
   */
  expires: number;
  staleUntil: number;
}

const anonymousSession: SessionInfo = { viewer: null, csrfToken: null };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notKept = { expires: 0, staleUntil: 0 };
const missing = (status: 404 | 410 = 404): LoadedPage => ({ status, queries: [], ...notKept });
/** A page the server does not render (sign-in, settings…): the app shell, status 200. */
const appOnly = (): LoadedPage => ({ status: 200, queries: [], ...notKept });

const json = <T>(entry: CachedJson) => JSON.parse(entry.body) as T;
const keptAsLong = (...entries: CachedJson[]) => ({
  expires: Math.min(...entries.map((e) => e.expires)),
  staleUntil: Math.min(...entries.map((e) => e.staleUntil)),
});

/**
 * What a page URL is, its status and — for the public pages (home lists, tag, thread,
 * profile, paths) — the data its components show as an anonymous reader sees it, read
 * through the same functions and caches as the JSON API. Route matching uses the client's
 * own route table (client/src/router.tsx), so the server and the app agree on what exists.
 */
export async function loadPage(ctx: AppContext, url: URL): Promise<LoadedPage> {
  const matches = matchRoutes(routes, url.pathname);
  const match = matches?.at(-1);
  if (!match) return missing();
  const params = match.params;
  const route = match.route;
  try {
    if (route.index) return await listPage(ctx, url, undefined);
    switch (route.path) {
      case 'q/:threadId/:slug?':
      case 'q/:threadId/r/:replyId':
        return await threadPage(ctx, url, params.threadId!);
      case 't/:tag':
      case 't/:tag/r/:replyId': {
        const tag = params.tag!;
        if (UUID.test(tag))
          return {
            ...appOnly(),
            redirect: `/q/${tag}${params.replyId ? `/r/${params.replyId}` : ''}`,
          };
        if (route.path !== 't/:tag' || !(await tagExists(ctx.db, tag))) return missing();
        return await listPage(ctx, url, tag);
      }
      case 'u/:handle':
        return await profilePage(ctx, params.handle!);
      case 'paths':
        return loaded({ kind: 'paths', paths: await pathSummaries(ctx) });
      case 'paths/:pathId': {
        const id = params.pathId!;
        if (!isPathId(id)) return missing();
        return loaded({ kind: 'path', path: await pathDetail(ctx, id) });
      }
      case '*':
        return missing();
      default:
        return appOnly();
    }
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 410))
      return missing(err.status);
    if (err instanceof AppError && err.code === 'invalid_input') return missing();
    throw err;
  }
}

/** Pages whose data is not in a forum cache (profiles, paths) are rendered, never kept. */
function loaded(data: PageData): LoadedPage {
  const queries: QueryEntry[] = [{ key: ['session'], data: anonymousSession }];
  if (data.kind === 'paths') queries.push({ key: ['paths'], data: data.paths });
  if (data.kind === 'path') queries.push({ key: ['paths', data.path.id], data: data.path });
  if (data.kind === 'profile')
    queries.push({
      key: ['profile', 'public', data.profile.user.handle.toLowerCase()],
      data: data.profile,
    });
  return { status: 200, data, queries, ...notKept };
}

/** The front page and a tag's page: the first page of the chosen list, as ThreadFeed asks. */
async function listPage(ctx: AppContext, url: URL, tag: string | undefined): Promise<LoadedPage> {
  const s = url.searchParams.get('sort') as ThreadSort | null;
  const p = url.searchParams.get('period') as TopPeriod | null;
  const sort = s && threadSorts.includes(s) ? s : 'hot';
  const period = p && topPeriods.includes(p) ? p : 'week';
  // The very query ThreadFeed sends (client/src/components/forum/ThreadFeed.tsx).
  const query = threadListQuery.parse({
    sort,
    limit: '30',
    ...(sort === 'top' ? { period } : {}),
    ...(tag ? { tag } : {}),
  });
  const [entry, popular, tagInfo] = await Promise.all([
    threadListEntry(ctx, query),
    tagSuggestions(ctx, ''),
    tag ? tagSuggestions(ctx, tag) : undefined,
  ]);
  const list = json<Page<ThreadSummary>>(entry);
  const queries: QueryEntry[] = [
    { key: ['session'], data: anonymousSession },
    {
      key: ['threads', 'feed', { sort, period, tag: tag ?? null }],
      data: { pages: [list], pageParams: [''] },
    },
    { key: ['tags', ''], data: popular },
  ];
  if (tag) queries.push({ key: ['tags', tag], data: tagInfo });
  const data: PageData = tag ? { kind: 'tag', tag, sort, list } : { kind: 'home', sort, list };
  return { status: 200, data, queries, ...keptAsLong(entry) };
}

async function threadPage(ctx: AppContext, url: URL, id: string): Promise<LoadedPage> {
  if (!UUID.test(id)) return missing();
  const s = url.searchParams.get('sort') as ReplySort | null;
  const sort = s && replySorts.includes(s) ? s : 'best';
  let entry: CachedJson;
  try {
    entry = await publicThreadEntry(ctx, id, sort);
  } catch (err) {
    // A thread that existed and was deleted is gone (410), not unknown (404).
    if (err instanceof AppError && err.status === 404) {
      const facts = await findThreadFacts(ctx.db, id);
      if (facts?.deleted_at) return missing(410);
    }
    throw err;
  }
  const detail = json<ThreadDetail>(entry);
  return {
    status: 200,
    data: { kind: 'thread', detail },
    queries: [
      { key: ['session'], data: anonymousSession },
      // ThreadPage's key: forumKeys.detail(id, sort) + the viewer id (null: a visitor).
      { key: ['thread', id, 'detail', sort, null], data: detail },
    ],
    ...keptAsLong(entry),
  };
}

async function profilePage(ctx: AppContext, handle: string): Promise<LoadedPage> {
  if (handle.length > 64) return missing();
  return loaded({ kind: 'profile', profile: await getPublicProfile(ctx.db, handle, null) });
}
