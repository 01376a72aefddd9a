import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  threadSorts,
  topPeriods,
  type Page,
  type ThreadSort,
  type ThreadSummary,
  type TopPeriod,
} from '../../../../shared/api/threads';
import { apiFetch } from '../../lib/api';
import { ThreadListItem } from '../ThreadListItem';
import { ErrorAlert, Loading } from './errors';
import { forumKeys } from './forum-api';

const sortLabels: Record<ThreadSort, string> = {
  hot: 'Hot',
  new: 'New',
  top: 'Top',
  unanswered: 'Unanswered',
};
const periodLabels: Record<TopPeriod, string> = {
  day: 'Today',
  week: 'This week',
  month: 'This month',
  all: 'All time',
};

const emptyText: Record<ThreadSort, string> = {
  hot: 'Nothing is being discussed yet.',
  new: 'No questions yet.',
  top: 'No questions in this period. Try a longer one.',
  unanswered: 'Every question here has a helpful reply. Nice work, everyone.',
};

/** Reads ?sort=&period= from the URL, so every view can be linked and shared. */
export function useFeedParams() {
  const [params] = useSearchParams();
  const s = params.get('sort') as ThreadSort | null;
  const p = params.get('period') as TopPeriod | null;
  return {
    sort: s && threadSorts.includes(s) ? s : ('hot' as ThreadSort),
    period: p && topPeriods.includes(p) ? p : ('week' as TopPeriod),
  };
}

function FeedTabs({ sort, period }: { sort: ThreadSort; period: TopPeriod }) {
  const [params] = useSearchParams();
  const href = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    return qs ? `?${qs}` : '?';
  };
  return (
    <div className="feed-controls">
      <nav aria-label="Sort questions">
        <ul className="feed-tabs">
          {threadSorts.map((s) => (
            <li key={s}>
              <Link
                to={href({ sort: s === 'hot' ? null : s, period: null })}
                aria-current={s === sort ? 'page' : undefined}
                className="feed-tab"
              >
                {sortLabels[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {sort === 'top' && (
        <nav aria-label="Top questions from">
          <ul className="feed-periods">
            {topPeriods.map((p) => (
              <li key={p}>
                <Link
                  to={href({ period: p === 'week' ? null : p })}
                  aria-current={p === period ? 'page' : undefined}
                  className="feed-period"
                >
                  {periodLabels[p]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}

/** The tabbed, key-paginated list of questions (front page and tag pages). */
export function ThreadFeed({ tag, listLabel = 'Questions' }: { tag?: string; listLabel?: string }) {
  const { sort, period } = useFeedParams();
  const query = useInfiniteQuery({
    queryKey: forumKeys.feed(sort, period, tag),
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams({ sort, limit: '30' });
      if (sort === 'top') qs.set('period', period);
      if (tag) qs.set('tag', tag);
      if (pageParam) qs.set('cursor', pageParam);
      return apiFetch<Page<ThreadSummary>>(`/api/threads?${qs}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const threads = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <FeedTabs sort={sort} period={period} />
      {query.isPending && <Loading label="Loading questions…" />}
      {query.isError && !query.isFetchNextPageError && (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.isSuccess && threads.length === 0 && (
        <div className="empty">
          <p>{emptyText[sort]}</p>
          <p>
            <Link to={tag ? `/ask?tag=${encodeURIComponent(tag)}` : '/ask'}>Ask a question</Link>
          </p>
        </div>
      )}
      {threads.length > 0 && (
        <ul className="thread-list" aria-label={listLabel}>
          {threads.map((t) => (
            <ThreadListItem key={t.id} thread={t} />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="load-more"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more questions'}
        </button>
      )}
      {query.isFetchNextPageError && (
        <ErrorAlert error={query.error} onRetry={() => void query.fetchNextPage()} />
      )}
    </>
  );
}
