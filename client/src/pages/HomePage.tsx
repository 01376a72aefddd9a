import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page, ThreadSummary } from '../../../shared/api/threads';
import { apiFetch } from '../lib/api';
import { ThreadListItem } from '../components/ThreadListItem';

export function HomePage() {
  const query = useInfiniteQuery({
    queryKey: ['threads', 'new'],
    queryFn: ({ pageParam }) =>
      apiFetch<Page<ThreadSummary>>(
        `/api/threads?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '' as string,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const threads = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">Questions from engineers moving into product</h1>
      {query.isPending && (
        <p role="status" className="muted">
          Loading questions…
        </p>
      )}
      {query.isError && (
        <div role="alert" className="error-box">
          <p>{query.error.message}</p>
          <button type="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </div>
      )}
      {query.isSuccess && threads.length === 0 && (
        <p className="empty">No questions yet. Be the first to ask one.</p>
      )}
      {threads.length > 0 && (
        <ul className="thread-list" aria-label="Questions">
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
    </section>
  );
}
