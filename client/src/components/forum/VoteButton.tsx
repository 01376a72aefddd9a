import { useMutation } from '@tanstack/react-query';
import type { VoteResult } from '../../../../shared/api/threads';
import { errorMessage } from './errors';
import { sendJson, useThreadCache } from './forum-api';

/** Upvote toggle with the count. Points come from the API's answer, never guessed. */
export function VoteButton({
  threadId,
  target,
  id,
  points,
  voted,
  canVote,
  label,
}: {
  threadId: string;
  target: 'thread' | 'reply';
  id: string;
  points: number;
  voted: boolean;
  canVote: boolean;
  /** What is voted on, for screen readers: "this reply by Ann". */
  label: string;
}) {
  const apply = useThreadCache(threadId);
  const vote = useMutation({
    mutationFn: (on: boolean) =>
      sendJson<VoteResult>(
        on ? 'PUT' : 'DELETE',
        `/api/${target === 'thread' ? 'threads' : 'replies'}/${id}/vote`,
      ),
    onSuccess: (r) => apply({ type: 'viewer.vote', target, id, voted: r.voted, points: r.points }),
  });
  const pointsText = `${points} ${points === 1 ? 'point' : 'points'}`;
  return (
    <span className="vote">
      {canVote ? (
        <button
          type="button"
          className="vote-button"
          aria-pressed={voted}
          aria-label={`Upvote ${label}`}
          disabled={vote.isPending}
          onClick={() => vote.mutate(!voted)}
        >
          <span aria-hidden="true">▲</span>
        </button>
      ) : null}
      <span className="vote-count" aria-live="polite">
        {pointsText}
      </span>
      {vote.error && (
        <span role="alert" className="field-error-inline">
          {errorMessage(vote.error)}
        </span>
      )}
    </span>
  );
}
