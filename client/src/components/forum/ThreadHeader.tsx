import { useState } from 'react';
import { Link } from 'react-router';
import type { FollowResult, ThreadDetail } from '../../../../shared/api/threads';
import { TimeAgo, useEditedTitle } from '../TimeAgo';
import { tagPath, useThreadCache, userPath } from './forum-api';
import { ActionError, PostActions, ToggleAction, useToggle } from './PostActions';
import { ThreadEditForm } from './ThreadEditForm';
import { useThreadUi } from './thread-ui';
import { VoteButton } from './VoteButton';

/** The question itself: title, body, who asked, tags, and what the viewer may do with it. */
export function ThreadHeader({ thread }: { thread: ThreadDetail['thread'] }) {
  const ui = useThreadUi();
  const [editing, setEditing] = useState(false);
  const editedTitle = useEditedTitle(thread.editedAt);
  const apply = useThreadCache(thread.id);
  const p = thread.viewer.permissions;
  const follow = useToggle<FollowResult>(`/api/threads/${thread.id}/follow`, (r) =>
    apply({ type: 'viewer.follow', following: r.following, followerCount: r.followerCount }),
  );
  const live = thread.state !== 'deleted';

  return (
    <article className="question" aria-labelledby="question-title">
      <h1 id="question-title" className="question-title">
        {thread.title}
      </h1>
      <div className="question-meta">
        <span>
          asked by{' '}
          {thread.author.id ? (
            <Link to={userPath(thread.author.handle)}>{thread.author.displayName}</Link>
          ) : (
            thread.author.displayName
          )}{' '}
          <TimeAgo iso={thread.createdAt} />
        </span>
        {thread.editedAt && (
          <button
            type="button"
            className="edited-marker"
            title={editedTitle}
            onClick={() =>
              ui.openDialog({
                type: 'history',
                kind: 'thread',
                id: thread.id,
                currentHtml: thread.bodyHtml,
              })
            }
          >
            edited
          </button>
        )}
        {thread.answered && <span className="badge badge-helpful">Answered</span>}
        {thread.locked && <span className="badge badge-locked">Locked</span>}
      </div>
      <ul className="tags" aria-label="Tags">
        {thread.tags.map((t) => (
          <li key={t}>
            <Link className="tag" to={tagPath(t)}>
              {t}
            </Link>
          </li>
        ))}
      </ul>
      {editing ? (
        <ThreadEditForm thread={thread} onClose={() => setEditing(false)} />
      ) : thread.state === 'deleted' ? (
        <p className="reply-removed">The asker deleted this question.</p>
      ) : (
        <>
          {thread.state === 'hidden' && thread.bodyMarkdown !== undefined && (
            <p className="reply-removed">Hidden by a moderator — only moderators see this text.</p>
          )}
          {/* Rendered and sanitized by the server with shared/markdown.ts. */}
          <div
            className="prose question-body"
            dangerouslySetInnerHTML={{ __html: thread.bodyHtml }}
          />
        </>
      )}
      {thread.locked && (
        <p className="notice" role="note">
          This thread is locked: no new replies or edits.
        </p>
      )}
      <div className="reply-actions question-actions">
        <VoteButton
          threadId={thread.id}
          target="thread"
          id={thread.id}
          points={thread.points}
          voted={thread.viewer.voted}
          canVote={p.vote && live}
          label="this question"
        />
        {(p.reply || p.flag) && (
          <ToggleAction toggle={follow} on={thread.viewer.following}>
            {thread.viewer.following ? 'Following' : 'Follow'}
          </ToggleAction>
        )}
        <span className="muted">
          {thread.followerCount} {thread.followerCount === 1 ? 'follower' : 'followers'}
        </span>
        <PostActions
          kind="thread"
          id={thread.id}
          permissions={p}
          live={live}
          onEdit={editing ? undefined : () => setEditing(true)}
        />
        <ActionError error={follow.error} />
      </div>
    </article>
  );
}
