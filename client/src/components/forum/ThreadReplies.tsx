import { useMemo } from 'react';
import { Link } from 'react-router';
import { replySorts, type ReplyNode, type ReplySort } from '../../../../shared/api/threads';
import { buildTree } from '../../lib/thread-tree';
import { useSignInHref, threadPath } from './forum-api';
import { ReplyComposer } from './ReplyComposer';
import { ReplyTree } from './ReplyTree';
import { useSession } from '../../lib/session';
import { useThreadUi } from './thread-ui';

const sortLabels: Record<ReplySort, string> = {
  best: 'Best first',
  oldest: 'Oldest first',
  newest: 'Newest first',
};

/** The conversation under the question: sort, composer, and the tree (or one branch of it). */
export function ThreadReplies({
  replies,
  sort,
  onSort,
  branchOf,
  composerRef,
}: {
  replies: ReplyNode[];
  sort: ReplySort;
  onSort: (sort: ReplySort) => void;
  /** Set when only one branch is shown (a deep permalink or "continue this thread"). */
  branchOf?: string;
  composerRef: React.Ref<HTMLTextAreaElement>;
}) {
  const ui = useThreadUi();
  const { thread } = ui;
  const tree = useMemo(() => buildTree(replies), [replies]);
  const count = thread.replyCount;
  const canReply = thread.viewer.permissions.reply && !thread.locked;
  const { viewer, isPending: sessionPending } = useSession();
  const signInHref = useSignInHref();

  return (
    <section className="replies" aria-labelledby="replies-title">
      <div className="replies-head">
        <h2 id="replies-title">
          {count} {count === 1 ? 'reply' : 'replies'}
        </h2>
        <label className="sort-select">
          Sort{' '}
          <select value={sort} onChange={(e) => onSort(e.target.value as ReplySort)}>
            {replySorts.map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted keyboard-hint">
        Keyboard: <kbd>j</kbd> / <kbd>k</kbd> move between replies, <kbd>r</kbd> replies.
      </p>

      {branchOf ? (
        <p className="notice branch-notice">
          You are looking at one branch of this conversation.{' '}
          <Link to={threadPath(thread.id, thread.title)}>Show all {count} replies</Link>
        </p>
      ) : canReply ? (
        <ReplyComposer
          threadId={thread.id}
          parentId={null}
          label="Your reply"
          textareaRef={composerRef}
          onDone={(created) => ui.reveal(created.id)}
        />
      ) : thread.locked || thread.state === 'deleted' || sessionPending ? null : !viewer ? (
        <p className="notice">
          <Link to={signInHref}>Sign in</Link> to reply, vote or follow this question.
        </p>
      ) : !viewer.emailVerified ? (
        <p className="notice">Confirm your email address to reply — check your inbox.</p>
      ) : null}

      {replies.length === 0 ? (
        <p className="empty">No replies yet. If you made a switch like this, your story helps.</p>
      ) : (
        <ReplyTree nodes={tree} label="Replies" />
      )}
    </section>
  );
}
