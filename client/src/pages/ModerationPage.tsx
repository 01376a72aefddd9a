import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChatReportPage, QueuePage } from '../../../shared/api/moderation';
import type { UserRef } from '../../../shared/api/threads';
import { ChatReportItem } from '../components/forum/ChatReportItem';
import { ErrorAlert, Loading } from '../components/forum/errors';
import { forumKeys, signInHref } from '../components/forum/forum-api';
import { Link } from 'react-router';
import { ModQueueItem } from '../components/forum/ModQueueItem';
import { SuspendDialog } from '../components/forum/SuspendDialog';
import { ApiError, apiFetch } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

/** /mod — open flags, oldest first, for moderators. */
export function ModerationPage() {
  const queryClient = useQueryClient();
  const { viewer, isPending: sessionPending } = useSession();
  const isMod = viewer?.role === 'moderator' || viewer?.role === 'admin';
  const [message, setMessage] = useState<string | null>(null);
  const [suspending, setSuspending] = useState<UserRef | null>(null);
  const query = useInfiniteQuery({
    queryKey: forumKeys.modQueue,
    queryFn: ({ pageParam }) =>
      apiFetch<QueuePage>(
        `/api/moderation/flags?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 1,
    enabled: isMod,
  });
  const chatReports = useInfiniteQuery({
    queryKey: [...forumKeys.modQueue, 'chat'],
    queryFn: ({ pageParam }) =>
      apiFetch<ChatReportPage>(
        `/api/moderation/chat-reports?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 1,
    enabled: isMod,
  });
  usePageTitle('Moderation');
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const reports = chatReports.data?.pages.flatMap((p) => p.items) ?? [];
  const done = (text: string) => {
    setMessage(text);
    // The chat reports' key starts with the queue's, so both lists refresh.
    void queryClient.invalidateQueries({ queryKey: forumKeys.modQueue });
  };
  const denied = query.error instanceof ApiError && [401, 403].includes(query.error.status);

  return (
    <section aria-labelledby="mod-title">
      <h1 id="mod-title">Moderation queue</h1>
      <p role="status" className={message ? 'notice' : 'visually-hidden'}>
        {message ?? ''}
      </p>
      {(sessionPending || (isMod && query.isPending)) && <Loading label="Loading flagged posts…" />}
      {!sessionPending && !isMod ? (
        <p className="empty">
          Only moderators can see the queue.{' '}
          {!viewer && (
            <>
              <Link to={signInHref()}>Sign in</Link> if you are one.
            </>
          )}
        </p>
      ) : denied ? (
        <p className="empty">Only moderators can see the queue. {query.error?.message}</p>
      ) : (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.isSuccess && items.length === 0 && (
        <p className="empty">Nothing is flagged. The community is calm.</p>
      )}
      {items.length > 0 && (
        <ol className="mod-queue" aria-label="Flagged posts">
          {items.map((item) => (
            <ModQueueItem
              key={`${item.target.type}-${item.target.id}`}
              item={item}
              onDone={done}
              onSuspend={(i) => setSuspending(i.target.author)}
            />
          ))}
        </ol>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="load-more"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
      {isMod && !denied && (
        <section aria-labelledby="mod-chat-title" className="mod-chat-reports">
          <h2 id="mod-chat-title">Reported chat messages</h2>
          {chatReports.isPending && <Loading label="Loading reported chat messages…" />}
          <ErrorAlert error={chatReports.error} onRetry={() => void chatReports.refetch()} />
          {chatReports.isSuccess && reports.length === 0 && (
            <p className="empty">No chat message is reported.</p>
          )}
          {reports.length > 0 && (
            <ol className="mod-queue" aria-label="Reported chat messages">
              {reports.map((item) => (
                <ChatReportItem
                  key={item.messageId}
                  item={item}
                  onDone={done}
                  onSuspend={setSuspending}
                />
              ))}
            </ol>
          )}
          {chatReports.hasNextPage && (
            <button
              type="button"
              className="load-more"
              disabled={chatReports.isFetchingNextPage}
              onClick={() => void chatReports.fetchNextPage()}
            >
              {chatReports.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </section>
      )}
      {suspending && (
        <SuspendDialog user={suspending} onClose={() => setSuspending(null)} onDone={done} />
      )}
    </section>
  );
}
