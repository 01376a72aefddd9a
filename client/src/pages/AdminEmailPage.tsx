import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { EmailAdminPage as Page } from '../../../shared/api/email-admin';
import { EmailFailuresTable } from '../components/admin/EmailFailuresTable';
import { ErrorAlert, Loading } from '../components/forum/errors';
import { signInHref } from '../components/forum/forum-api';
import { ApiError, apiFetch } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

const PAGE = 50;

/** /admin/email — is email getting out? Counts for the last 24 h and the last failures. */
export function AdminEmailPage() {
  usePageTitle('Email deliveries');
  const { viewer, isPending: sessionPending } = useSession();
  const isAdmin = viewer?.role === 'admin';
  const query = useInfiniteQuery({
    queryKey: ['admin', 'email'],
    queryFn: ({ pageParam }) =>
      apiFetch<Page>(
        `/api/admin/email?limit=${PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 1,
    enabled: isAdmin,
  });
  const first = query.data?.pages[0];
  const failures = query.data?.pages.flatMap((p) => p.failures) ?? [];
  const denied = query.error instanceof ApiError && [401, 403].includes(query.error.status);

  return (
    <section aria-labelledby="email-admin-title" className="email-admin">
      <h1 id="email-admin-title">Email deliveries</h1>
      {(sessionPending || (isAdmin && query.isPending)) && (
        <Loading label="Loading email deliveries…" />
      )}
      {!sessionPending && !isAdmin ? (
        <p className="empty">
          Only admins can see email deliveries.{' '}
          {!viewer && (
            <>
              <Link to={signInHref()}>Sign in</Link> if you are one.
            </>
          )}
        </p>
      ) : denied ? (
        <p className="empty">Only admins can see email deliveries. {query.error?.message}</p>
      ) : (
        <ErrorAlert
          error={query.error}
          onRetry={() => void query.refetch()}
          retryLabel="Load again"
        />
      )}
      {first && (
        <>
          <h2 id="email-counts-title">Last 24 hours</h2>
          <dl className="email-counts" aria-labelledby="email-counts-title">
            <div>
              <dt>Sent</dt>
              <dd>{first.last24h.sent}</dd>
            </div>
            <div className={first.last24h.failed ? 'email-count-failed' : undefined}>
              <dt>Failed</dt>
              <dd>{first.last24h.failed}</dd>
            </div>
            <div>
              <dt>Skipped</dt>
              <dd>{first.last24h.skipped}</dd>
            </div>
          </dl>
          <p className="muted">
            Skipped: nothing was sent because the person deleted the account, turned that email off
            or had already read it.{' '}
            {first.retrying > 0
              ? `${first.retrying} ${first.retrying === 1 ? 'email waits' : 'emails wait'} for another try after a temporary failure.`
              : 'No email is waiting for another try.'}
          </p>
          <div className="email-failures-head">
            <h2>Last failures</h2>
            <button
              type="button"
              className="button-secondary"
              disabled={query.isFetching}
              onClick={() => void query.refetch()}
            >
              {query.isFetching && !query.isFetchingNextPage ? 'Refreshing…' : 'Refresh'}
            </button>
          </div>
          {failures.length === 0 ? (
            <p className="empty">
              No email has been refused. Every address the mail server was given took its mail.
            </p>
          ) : (
            <EmailFailuresTable failures={failures} />
          )}
          {query.hasNextPage && (
            <button
              type="button"
              className="load-more"
              disabled={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            >
              {query.isFetchingNextPage ? 'Loading…' : 'Older failures'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
