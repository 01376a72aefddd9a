import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { HelpfulResult, ReplyNode } from '../../../../shared/api/threads';
import { errorMessage } from './errors';
import { replyPath, sendJson, useThreadCache } from './forum-api';
import { useThreadUi } from './thread-ui';
import { VoteButton } from './VoteButton';

/** The row under a reply: vote, reply, helpful mark, link, edit, delete, flag. */
export function ReplyActions({ reply }: { reply: ReplyNode }) {
  const ui = useThreadUi();
  const apply = useThreadCache(reply.threadId);
  const p = reply.viewer.permissions;
  const who = `reply by ${reply.author.displayName}`;
  const helpful = useMutation({
    mutationFn: (on: boolean) =>
      sendJson<HelpfulResult>(on ? 'PUT' : 'DELETE', `/api/replies/${reply.id}/helpful`),
    onSuccess: (r) => apply({ type: 'helpful', helpfulReplyIds: r.helpfulReplyIds }),
  });
  const live = reply.state !== 'deleted';

  return (
    <div className="reply-actions">
      <VoteButton
        threadId={reply.threadId}
        target="reply"
        id={reply.id}
        points={reply.points}
        voted={reply.viewer.voted}
        canVote={p.vote && live}
        label={`the ${who}`}
      />
      {p.reply && !ui.thread.locked && (
        <button
          type="button"
          className="action"
          aria-expanded={ui.replyingTo === reply.id}
          onClick={() => ui.setReplyingTo(ui.replyingTo === reply.id ? null : reply.id)}
        >
          Reply
        </button>
      )}
      {p.markHelpful && live && (
        <button
          type="button"
          className="action action-helpful"
          aria-pressed={reply.helpful}
          disabled={helpful.isPending}
          onClick={() => helpful.mutate(!reply.helpful)}
        >
          {reply.helpful ? 'Helped me ✓' : 'This helped me'}
        </button>
      )}
      <Link
        className="action"
        to={replyPath(reply.threadId, reply.id)}
        aria-label={`Link to ${who}`}
      >
        Link
      </Link>
      {p.edit && live && (
        <button type="button" className="action" onClick={() => ui.setEditing(reply.id)}>
          Edit
        </button>
      )}
      {p.delete && live && (
        <button
          type="button"
          className="action"
          onClick={() => ui.openDialog({ type: 'delete', kind: 'reply', id: reply.id })}
        >
          Delete
        </button>
      )}
      {p.flag && live && (
        <button
          type="button"
          className="action"
          onClick={() => ui.openDialog({ type: 'flag', targetType: 'reply', targetId: reply.id })}
        >
          Flag
        </button>
      )}
      {helpful.error && (
        <span role="alert" className="field-error-inline">
          {errorMessage(helpful.error)}
        </span>
      )}
    </div>
  );
}
