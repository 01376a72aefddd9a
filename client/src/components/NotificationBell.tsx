import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { NotificationItem } from '../../../shared/api/notifications';
import type { Page } from '../../../shared/api/threads';
import { apiFetch } from '../lib/api';
import { getSocket, onConnected } from '../lib/realtime';
import { useSession } from '../lib/session';
import { timeAgo } from '../lib/time';
import { useDisclosure } from '../lib/useDisclosure';

const keys = {
  count: ['notifications', 'count'] as const,
  list: ['notifications', 'list'] as const,
};

/**
 * The header bell: unread count, and a panel with the latest notifications. Opening a
 * notification marks it read; "Mark all read" clears the count. The server pushes
 * `notifications:changed` to the user's sockets when one arrives or is read (in any tab), and
 * the bell refetches then and after every reconnect; a slow poll stays as a fallback.
 */
export function NotificationBell() {
  const { viewer } = useSession();
  const { open, close, root, buttonProps, panelProps } = useDisclosure();
  const client = useQueryClient();

  const count = useQuery({
    queryKey: keys.count,
    queryFn: () => apiFetch<{ unread: number }>('/api/notifications/unread-count'),
    enabled: !!viewer,
    refetchInterval: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
  const list = useQuery({
    queryKey: keys.list,
    queryFn: () => apiFetch<Page<NotificationItem>>('/api/notifications?limit=10'),
    enabled: !!viewer && open,
  });
  const markRead = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      apiFetch<{ unread: number }>('/api/notifications/read', {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    onSuccess: (res) => {
      client.setQueryData(keys.count, res);
      void client.invalidateQueries({ queryKey: keys.list });
    },
  });

  const viewerId = viewer?.id;
  useEffect(() => {
    if (!viewerId) return;
    const refresh = () => void client.invalidateQueries({ queryKey: ['notifications'] });
    const socket = getSocket();
    socket.on('notifications:changed', refresh);
    let first = true; // the queries above just fetched; later (re)connects may have missed pushes
    const offConnected = onConnected(() => {
      if (first) first = false;
      else refresh();
    });
    return () => {
      socket.off('notifications:changed', refresh);
      offConnected();
    };
  }, [viewerId, client]);

  if (!viewer) return null;
  const unread = count.data?.unread ?? 0;
  return (
    <div className="notification-bell" ref={root}>
      <button {...buttonProps} type="button" className="bell-button">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        <span className="visually-hidden">Notifications</span>
        {unread > 0 && (
          <span className="bell-count">
            {unread > 99 ? '99+' : unread}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </button>
      <div {...panelProps} className="bell-panel">
        <div className="bell-panel-head">
          <h2>Notifications</h2>
          {unread > 0 && (
            <button
              type="button"
              className="button-quiet"
              disabled={markRead.isPending}
              onClick={() => markRead.mutate({ all: true })}
            >
              Mark all read
            </button>
          )}
        </div>
        {list.isPending && <p className="muted">Loading…</p>}
        {list.isError && (
          <p role="alert" className="field-error">
            {list.error.message}
          </p>
        )}
        {list.data?.items.length === 0 && <p className="muted">Nothing new yet.</p>}
        {list.data && list.data.items.length > 0 && (
          <ul className="bell-list">
            {list.data.items.map((n) => (
              <li key={n.id} className={n.readAt ? 'bell-item' : 'bell-item unread'}>
                <Link
                  to={n.url}
                  onClick={() => {
                    if (!n.readAt) markRead.mutate({ ids: [n.id] });
                    close();
                  }}
                >
                  {!n.readAt && <span className="visually-hidden">New: </span>}
                  {n.text}
                </Link>
                <span className="muted bell-time">{timeAgo(n.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="bell-footer">
          <Link to="/notifications" onClick={close}>
            All notifications
          </Link>{' '}
          ·{' '}
          <Link to="/mentorships" onClick={close}>
            Your mentorships
          </Link>
        </p>
      </div>
    </div>
  );
}
