import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TagFollowState } from '../../../../shared/api/tags';
import { apiFetch } from '../../lib/api';
import { useSession } from '../../lib/session';
import { ActionError } from './PostActions';
import { forumKeys, sendJson, useSignInHref } from './forum-api';

/**
 * Follow / Following on a tag page (shared/api/tags.ts). Optimistic: the button flips at once;
 * a failed request puts it back and says why (role=alert). A native button, so Enter and Space
 * work; it is never `disabled` while saving, so keyboard focus stays on it.
 */
export function TagFollowButton({ tag }: { tag: string }) {
  const { viewer, isPending } = useSession();
  const signInHref = useSignInHref();
  const queryClient = useQueryClient();
  const key = forumKeys.tagFollow(tag);
  const state = useQuery({
    queryKey: key,
    queryFn: () => apiFetch<TagFollowState>(`/api/tags/${encodeURIComponent(tag)}/follow`),
    enabled: !!viewer,
  });
  const toggle = useMutation({
    mutationFn: (follow: boolean) =>
      sendJson<TagFollowState>(
        follow ? 'POST' : 'DELETE',
        `/api/tags/${encodeURIComponent(tag)}/follow`,
      ),
    onMutate: async (follow) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<TagFollowState>(key);
      queryClient.setQueryData<TagFollowState>(key, { tag, following: follow });
      return { before };
    },
    onError: (_err, _follow, context) => {
      queryClient.setQueryData(key, context?.before);
    },
    onSuccess: (result) => queryClient.setQueryData(key, result),
  });

  if (isPending) return null;
  if (!viewer)
    return (
      <Link className="action" to={signInHref}>
        Sign in to follow {tag}
      </Link>
    );
  if (!state.data) return null;
  const following = state.data.following;
  return (
    <span className="tag-follow">
      <button
        type="button"
        className="action"
        aria-pressed={following}
        aria-describedby="tag-follow-hint"
        onClick={() => {
          if (!toggle.isPending) toggle.mutate(!following);
        }}
      >
        {following ? 'Following' : 'Follow'}
        <span className="visually-hidden"> tag {tag}</span>
      </button>
      <span id="tag-follow-hint" className="visually-hidden">
        Top questions in the tags you follow come in your email digest.
      </span>
      <ActionError error={toggle.error} />
    </span>
  );
}
