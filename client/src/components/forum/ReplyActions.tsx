import { Link } from 'react-router';
import type { HelpfulResult, ReplyNode } from '../../../../shared/api/threads';
import { replyPath, useThreadCache } from './forum-api';
import { ActionError, PostActions, ToggleAction, useToggle } from './PostActions';
import { useThreadUi } from './thread-ui';
import { VoteButton } from './VoteButton';

/** The row under a reply: vote, reply, helpful mark, link, edit, delete, flag. */
export function ReplyActions({ reply }: { reply: ReplyNode }) {
  const ui = useThreadUi();
  const apply = useThreadCache(reply.threadId);
  const p = reply.viewer.permissions;
  const who = `reply by ${reply.author.displayName}`;
  const helpful = useToggle<HelpfulResult>(`/api/replies/${reply.id}/helpful`, (r) =>
    apply({ type: 'helpful', helpfulReplyIds: r.helpfulReplyIds }),
  );
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
        <ToggleAction toggle={helpful} on={reply.helpful} className="action action-helpful">
          {reply.helpful ? 'Helped me ✓' : 'This helped me'}
        </ToggleAction>
      )}
      <Link
        className="action"
        to={replyPath(reply.threadId, reply.id)}
        aria-label={`Link to ${who}`}
      >
        Link
      </Link>
      <PostActions
        kind="reply"
        id={reply.id}
        permissions={p}
        live={live}
        onEdit={() => ui.setEditing(reply.id)}
      />
      <ActionError error={helpful.error} />
    </div>
  );
}
