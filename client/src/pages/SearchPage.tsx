import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { SearchResults } from '../../../shared/api/search';
import { ErrorAlert, Loading } from '../components/forum/errors';
import { SearchForm, type SearchParams } from '../components/forum/SearchForm';
import { SearchResultItem } from '../components/forum/SearchResultItem';
import { apiFetch } from '../lib/api';
import { usePageTitle } from '../lib/title';

const keys = ['q', 'tag', 'author', 'from', 'to'] as const;

/** /search?q=&tag=&author=&from=&to= — the URL is the state, so searches can be shared. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const current: SearchParams = Object.fromEntries(
    keys.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const active = keys.some((k) => params.get(k));
  const query = useInfiniteQuery({
    queryKey: ['search', current],
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams(current as Record<string, string>);
      if (pageParam) qs.set('cursor', pageParam);
      return apiFetch<SearchResults>(`/api/search?${qs}`);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: active,
    retry: false,
  });
  usePageTitle(current.q ? `${current.q} · Search` : 'Search');
  const hits = query.data?.pages.flatMap((p) => p.items) ?? [];
  const notice = query.data?.pages[0]?.notice;
  const filtered = !!(current.tag || current.author || current.from || current.to);

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <SearchForm
        key={params.toString()}
        initial={current}
        error={query.error}
        onSearch={(p) =>
          setParams(Object.fromEntries(Object.entries(p).filter(([, v]) => v && String(v).trim())))
        }
      />
      {!active && (
        <p className="muted">
          Search every question and reply — for example{' '}
          <Link to="/search?q=internal transfer">internal transfer</Link> or{' '}
          <Link to='/search?q="apm program"'>"apm program"</Link>.
        </p>
      )}
      {active && query.isPending && <Loading label="Searching…" />}
      <ErrorAlert
        error={query.isFetchNextPageError ? null : query.error}
        fields={[...keys]}
        onRetry={() => void query.refetch()}
      />
      {query.isSuccess && hits.length === 0 && (
        <div className="empty search-empty" role="status">
          <p>
            <strong>{notice ?? `Nothing matched${current.q ? ` “${current.q}”` : ''}.`}</strong>
          </p>
          <ul>
            <li>
              Try fewer or more general words (“transfer” instead of “internal transfer timeline”).
            </li>
            {filtered && <li>Remove a filter — the tag, author or dates may be too narrow.</li>}
            <li>Check the spelling, or put a phrase in quotes only if it must match exactly.</li>
          </ul>
          <p>
            Still nothing? <Link to="/ask">Ask it as a new question</Link> — mentors who made the
            switch will see it.
          </p>
        </div>
      )}
      {hits.length > 0 && (
        <ul className="thread-list" aria-label="Search results">
          {hits.map((h) => (
            <SearchResultItem key={`${h.kind}-${h.id}`} hit={h} />
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
          {query.isFetchingNextPage ? 'Loading…' : 'More results'}
        </button>
      )}
      {query.isFetchNextPageError && (
        <ErrorAlert error={query.error} onRetry={() => void query.fetchNextPage()} />
      )}
    </section>
  );
}
