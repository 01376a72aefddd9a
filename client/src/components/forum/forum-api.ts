import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocation } from 'react-router';
import type {
  ReplySort,
  TagSuggestion,
  ThreadDetail,
  ThreadSort,
  ThreadViewerOverlay,
  TopPeriod,
} from '../../../../shared/api/threads';
import type { ViewerInfo } from '../../../../shared/api/auth';
import { withViewer } from '../../../../shared/forum/viewer-overlay';
import { apiFetch } from '../../lib/api';
import { applyThreadEvent, type ThreadEvent } from '../../lib/thread-tree';

/** Query keys in one place, so a mutation knows exactly what to update. */
export const forumKeys = {
  feed: (sort: ThreadSort, period: TopPeriod, tag: string | undefined) =>
    ['threads', 'feed', { sort, period, tag: tag ?? null }] as const,
  thread: (id: string) => ['thread', id] as const,
  detail: (id: string, sort: ReplySort) => ['thread', id, 'detail', sort] as const,
  subtree: (id: string, replyId: string, sort: ReplySort) =>
    ['thread', id, 'subtree', replyId, sort] as const,
  revisions: (kind: 'thread' | 'reply', id: string) => ['revisions', kind, id] as const,
  tags: (q: string) => ['tags', q] as const,
  tagFollow: (tag: string) => ['tag-follow', tag] as const,
  modQueue: ['moderation', 'queue'] as const,
};

/**
 * A thread page as this viewer sees it. Everyone loads the same public body (cached and
 * compressed once on the server, for members too); a member also loads their small overlay
 * in parallel and the two are merged here. Moderators, who see hidden posts, load their own.
 */
export async function fetchThreadDetail(
  threadId: string,
  sort: ReplySort,
  viewer: ViewerInfo | null,
): Promise<ThreadDetail> {
  const url = `/api/threads/${threadId}?sort=${sort}`;
  if (!viewer) return apiFetch<ThreadDetail>(url);
  if (viewer.role !== 'member') return apiFetch<ThreadDetail>(`${url}&view=moderation`);
  const [detail, overlay] = await Promise.all([
    apiFetch<ThreadDetail>(url),
    apiFetch<ThreadViewerOverlay>(`/api/threads/${threadId}/viewer`),
  ]);
  return withViewer(detail, overlay);
}

/** Tag suggestions for typed text ('' = the popular tags); they change slowly. */
export const tagsQuery = (q: string) =>
  queryOptions({
    queryKey: forumKeys.tags(q),
    queryFn: () => apiFetch<TagSuggestion[]>(`/api/tags?q=${encodeURIComponent(q)}`),
    staleTime: 60_000,
  });

export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Thread links carry a readable slug; the id alone is what the page reads. */
export function threadPath(id: string, title?: string): string {
  const slug = title ? slugify(title) : '';
  return slug ? `/q/${id}/${slug}` : `/q/${id}`;
}

export const replyPath = (threadId: string, replyId: string) => `/q/${threadId}/r/${replyId}`;
export const tagPath = (tag: string) => `/t/${encodeURIComponent(tag)}`;
export const userPath = (handle: string) => `/u/${encodeURIComponent(handle)}`;

export function sendJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  return apiFetch<T>(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/**
 * Applies one event to every cached copy of a thread (each reply sort is its own query).
 * Focused branch views are simply refetched — they are rare and small.
 */
export function useThreadCache(threadId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (event: ThreadEvent) => {
      queryClient.setQueriesData<ThreadDetail>(
        { queryKey: [...forumKeys.thread(threadId), 'detail'] },
        (d) => (d ? applyThreadEvent(d, event) : d),
      );
      void queryClient.invalidateQueries({
        queryKey: [...forumKeys.thread(threadId), 'subtree'],
      });
    },
    [queryClient, threadId],
  );
}

/** Where the "sign in" links go; the auth pages own this route. */
export const SIGN_IN_PATH = '/sign-in';
export function signInHref(): string {
  const next = window.location.pathname + window.location.search;
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

/** The same, from the router's location: for components the server renders (no window). */
export function useSignInHref(): string {
  const { pathname, search } = useLocation();
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(pathname + search)}`;
}
