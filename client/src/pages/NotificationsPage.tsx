import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { NotificationItem } from '../../../shared/api/notifications';
import type { Page } from '../../../shared/api/threads';
import { apiFetch } from '../lib/api';
import { useSession } from '../lib/session';
import { timeAgo } from '../lib/time';
import { usePageTitle } from '../lib/title';

/**
 * /notifications — the whole history (the bell shows the 10 latest), newest first, 30 at a
 * time by keyset, with "Mark all read". Shares the ['notifications'] cache with the bell, so
 * the socket push that refreshes the bell refreshes this list too.
 */
export function NotificationsPage() {
  usePageTitle('Notifications');
  const { viewer, isPending } = useSession();
  const client = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'history'],
    queryFn: ({ pageParam }) =>
      apiFetch<Page<NotificationItem>>(
        `/api/notifications?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!viewer,
  });
  const count = useQuery({
    queryKey: ['notifications', 'count'],
    queryFn: () => apiFetch<{ unread: number }>('/api/notifications/unread-count'),
    enabled: !!viewer,
  });
  const markRead = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      apiFetch<{ unread: number }>('/api/notifications/read', {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    onSuccess: (res) => {
      client.setQueryData(['notifications', 'count'], res);
      void client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });

  if (isPending) return <p role="status">Loading…</p>;
  if (!viewer)
    return (
      <section aria-labelledby="notif-h">
        <h1 id="notif-h">Notifications</h1>
        <p>
          Please <Link to="/sign-in?next=/notifications">sign in</Link> to see your notifications.
        </p>
      </section>
    );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = count.data?.unread ?? 0;
  return (
    <section className="notifications-page" aria-labelledby="notif-h">
      <div className="page-head">
        <h1 id="notif-h">Notifications</h1>
        <button
          type="button"
          className="button-secondary"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all read
        </button>
      </div>
      <p role="status" className="muted">
        {count.data ? (unread === 0 ? 'All read.' : `${unread} unread.`) : ''}
      </p>
      {markRead.isError && (
        <p role="alert" className="field-error">
          {markRead.error.message}
        </p>
      )}
      {list.isPending && <p className="muted">Loading…</p>}
      {list.isError && (
        <div role="alert" className="error-box">
          <p>{list.error.message}</p>
          <button type="button" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      )}
      {list.data && items.length === 0 && <p className="empty">Nothing here yet.</p>}
      {items.length > 0 && (
        <ul className="notification-list" aria-label="All notifications, newest first">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item unread'}>
              <Link
                to={n.url}
                onClick={() => {
                  if (!n.readAt) markRead.mutate({ ids: [n.id] });
                }}
              >
                {!n.readAt && <span className="visually-hidden">New: </span>}
                {n.text}
              </Link>
              <time className="muted bell-time" dateTime={n.createdAt}>
                {timeAgo(n.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="load-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </button>
      )}
    </section>
  );
}
