import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Page } from '../../../../shared/api/threads';
import type { UserQuestion, UserReply } from '../../../../shared/api/user-posts';
import { apiFetch } from '../../lib/api';
import { TimeAgo } from '../TimeAgo';

export type PostsTab = 'questions' | 'replies';

function usePosts<T>(handle: string, tab: PostsTab) {
  return useInfiniteQuery({
    queryKey: ['profile', 'posts', handle.toLowerCase(), tab],
    queryFn: ({ pageParam }) =>
      apiFetch<Page<T>>(
        `/api/users/${encodeURIComponent(handle)}/${tab}?limit=20${
          pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''
        }`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A profile's Questions or Replies tab: newest first, 20 at a time. */
export function ProfilePosts({ handle, tab }: { handle: string; tab: PostsTab }) {
  const posts = usePosts<UserQuestion | UserReply>(handle, tab);
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];
  const label = tab === 'questions' ? `Questions by @${handle}` : `Replies by @${handle}`;
  if (posts.isPending)
    return (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  if (posts.isError)
    return (
      <div role="alert" className="error-box">
        <p>{posts.error.message}</p>
        <button type="button" onClick={() => void posts.refetch()}>
          Try again
        </button>
      </div>
    );
  if (items.length === 0)
    return <p className="empty">{tab === 'questions' ? 'No questions yet.' : 'No replies yet.'}</p>;
  return (
    <>
      <ul className="profile-posts" aria-label={label}>
        {items.map((p) =>
          'title' in p ? (
            <li key={p.id}>
              <Link to={p.url}>{p.title}</Link>
              <span className="muted">
                {' '}
                · {p.replyCount} {p.replyCount === 1 ? 'reply' : 'replies'} ·{' '}
                <TimeAgo iso={p.createdAt} />
              </span>
            </li>
          ) : (
            <li key={p.id}>
              <Link to={p.url}>On “{p.thread.title}”</Link>
              <p className="profile-post-excerpt">{p.excerpt}</p>
              <span className="muted">
                <TimeAgo iso={p.createdAt} />
              </span>
            </li>
          ),
        )}
      </ul>
      {posts.hasNextPage && (
        <button
          type="button"
          className="load-more"
          disabled={posts.isFetchingNextPage}
          onClick={() => void posts.fetchNextPage()}
        >
          {posts.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </>
  );
}
