import type { ReplySort } from '../../shared/api/threads';
import type { AppContext } from '../context';
import { forumCaches } from '../forum/read-cache';
import type { CachedJson } from '../http/json-cache';
import { listThreads, type ListQuery } from './list-service';
import { getThreadDetail } from './service';

/**
 * The public bodies every reader shares, from the forum's read caches: the API routes send
 * them as JSON (routes.ts) and the server-rendered pages read the same entries (server/pages),
 * so a page and its JSON never disagree and are built once.
 */
export function threadListEntry(ctx: AppContext, query: ListQuery): Promise<CachedJson> {
  const key = [query.sort, query.period, query.tag, query.cursor, query.limit].join('|');
  return forumCaches(ctx).lists.getOrCompute(key, () => listThreads(ctx, query));
}

/** A thread as an anonymous reader sees it: the shared body members get an overlay on. */
export function publicThreadEntry(
  ctx: AppContext,
  id: string,
  sort: ReplySort,
): Promise<CachedJson> {
  return forumCaches(ctx).threads.getOrCompute(`${id}|${sort}`, () =>
    getThreadDetail(ctx, null, id, sort),
  );
}
