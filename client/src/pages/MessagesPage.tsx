import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ChatSettings, ConversationSummary } from '../../../shared/api/chat';
import type { Page } from '../../../shared/api/threads';
import { apiFetch } from '../lib/api';
import { useSession } from '../lib/session';
import { timeAgo } from '../lib/time';
import { usePageTitle } from '../lib/title';

/** /messages: my conversations, most recent first, with unread counts; chat email setting. */
export function MessagesPage() {
  const { viewer } = useSession();
  const client = useQueryClient();
  usePageTitle('Messages');
  // Keyset pages (most recent first); the badge's chat:activity invalidates ['chat', 'inbox'].
  const inbox = useInfiniteQuery({
    queryKey: ['chat', 'inbox'],
    queryFn: ({ pageParam }) =>
      apiFetch<Page<ConversationSummary>>(
        `/api/conversations?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!viewer,
  });
  const items = inbox.data?.pages.flatMap((p) => p.items);
  const settings = useQuery({
    queryKey: ['chat', 'settings'],
    queryFn: () => apiFetch<ChatSettings>('/api/chat/settings'),
    enabled: !!viewer,
  });
  const save = useMutation({
    mutationFn: (emailUnread: boolean) =>
      apiFetch<ChatSettings>('/api/chat/settings', {
        method: 'PUT',
        body: JSON.stringify({ emailUnread }),
      }),
    onSuccess: (s) => client.setQueryData(['chat', 'settings'], s),
  });
  if (!viewer)
    return (
      <div className="chat-inbox">
        <h1>Messages</h1>
        <p>
          <Link to="/sign-in?next=/messages">Sign in</Link> to see your conversations.
        </p>
      </div>
    );
  return (
    <div className="chat-inbox">
      <h1>Messages</h1>
      {inbox.isPending && <p role="status">Loading your conversations…</p>}
      {items?.length === 0 && (
        <p>No conversations yet. A conversation starts when a mentorship request is accepted.</p>
      )}
      <ul className="chat-list">
        {items?.map((c) => (
          <li key={c.id}>
            <Link to={`/messages/${c.id}`} className="chat-list-item">
              <strong>{c.other.displayName}</strong>
              {c.unread > 0 && <span className="nav-badge"> {c.unread} unread</span>}
              {c.readOnly && <span className="muted"> · ended</span>}
              <span className="muted chat-snippet">
                {c.lastMessage
                  ? `${c.lastMessage.snippet} · ${timeAgo(c.lastMessage.at)}`
                  : 'No messages yet'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {inbox.hasNextPage && (
        <button
          type="button"
          className="button-secondary"
          disabled={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
        >
          {inbox.isFetchingNextPage ? 'Loading…' : 'Show older conversations'}
        </button>
      )}
      {settings.data && (
        <label className="chat-setting">
          <input
            type="checkbox"
            checked={settings.data.emailUnread}
            onChange={(e) => save.mutate(e.target.checked)}
          />{' '}
          Email me when a message waits unread
        </label>
      )}
    </div>
  );
}
