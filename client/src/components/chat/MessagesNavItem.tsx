import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { apiFetch } from '../../lib/api';
import { getSocket, onConnected } from '../../lib/realtime';
import { useSession } from '../../lib/session';

export const unreadKey = ['chat', 'unread'] as const;

/** "Messages" in the top navigation, with the live unread badge (pushed by chat:activity). */
export function MessagesNavItem() {
  const { viewer } = useSession();
  const client = useQueryClient();
  const unread = useQuery({
    queryKey: unreadKey,
    queryFn: () => apiFetch<{ unread: number }>('/api/conversations/unread'),
    enabled: !!viewer,
    refetchOnWindowFocus: true,
  });
  useEffect(() => {
    if (!viewer) return;
    const socket = getSocket();
    const onActivity = ({ unread: n }: { unread: number }) => {
      client.setQueryData(unreadKey, { unread: n });
      void client.invalidateQueries({ queryKey: ['chat', 'inbox'] });
    };
    socket.on('chat:activity', onActivity);
    const off = onConnected(() => void client.invalidateQueries({ queryKey: unreadKey }));
    return () => {
      socket.off('chat:activity', onActivity);
      off();
    };
  }, [viewer, client]);
  if (!viewer) return null;
  const n = unread.data?.unread ?? 0;
  return (
    <li>
      <NavLink to="/messages">
        Messages
        {n > 0 && (
          <span className="nav-badge" data-testid="messages-badge">
            {' '}
            {n}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </NavLink>
    </li>
  );
}
