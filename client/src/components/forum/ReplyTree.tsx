import { useRef } from 'react';
import { Link } from 'react-router';
import type { TreeNode } from '../../lib/thread-tree';
import { TimeAgo, useEditedTitle } from '../TimeAgo';
import { replyPath, userPath } from './forum-api';
import { ReplyActions } from './ReplyActions';
import { ReplyComposer } from './ReplyComposer';
import { ReplyEditor } from './ReplyEditor';
import { useThreadUi } from './thread-ui';

export function ReplyTree({ nodes, label }: { nodes: TreeNode[]; label?: string }) {
  return (
    <ol className="reply-list" aria-label={label}>
      {nodes.map((n) => (
        <ReplyItem key={n.reply.id} node={n} />
      ))}
    </ol>
  );
}

function ReplyBody({ node }: { node: TreeNode }) {
  const r = node.reply;
  if (r.state === 'deleted') return <p className="reply-removed">[deleted]</p>;
  // Moderators still get the text of a hidden reply (with its markdown); others get a notice.
  const modView = r.state === 'hidden' && r.bodyMarkdown !== undefined;
  return (
    <>
      {modView && (
        <p className="reply-removed">Hidden by a moderator — only moderators see this text.</p>
      )}
      {/* bodyHtml is rendered and sanitized by the server with shared/markdown.ts. */}
      <div
        className={r.state === 'hidden' && !modView ? 'prose reply-removed' : 'prose'}
        dangerouslySetInnerHTML={{ __html: r.bodyHtml }}
      />
    </>
  );
}

function ReplyItem({ node }: { node: TreeNode }) {
  const ui = useThreadUi();
  const r = node.reply;
  const collapsed = ui.collapsed.has(r.id);
  const hidden = ui.hiddenCounts.get(r.id) ?? 0;
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const editedTitle = useEditedTitle(r.editedAt);
  const metaId = `r-${r.id}-meta`;
  const childrenId = `r-${r.id}-children`;
  const classes = [
    'reply',
    r.helpful ? 'reply-helpful' : '',
    ui.targetId === r.id ? 'reply-target' : '',
    ui.focusedId === r.id ? 'reply-focused' : '',
    ui.fresh.has(r.id) ? 'reply-live-new' : '',
  ].join(' ');

  return (
    <li className="reply-node">
      <article
        id={`r-${r.id}`}
        data-reply-id={r.id}
        className={classes}
        tabIndex={-1}
        aria-label={`Reply by ${r.author.displayName}`}
        onFocus={(e) => {
          if (e.target === e.currentTarget) ui.setFocusedId(r.id);
        }}
      >
        <header className="reply-meta" id={metaId}>
          <button
            type="button"
            className="collapse-toggle"
            aria-expanded={!collapsed}
            aria-controls={node.children.length ? childrenId : undefined}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} reply by ${r.author.displayName}`}
            onClick={() => ui.toggleCollapsed(r.id)}
          >
            <span aria-hidden="true">{collapsed ? '+' : '−'}</span>
          </button>
          {r.author.id ? (
            <Link className="reply-author" to={userPath(r.author.handle)}>
              {r.author.displayName}
            </Link>
          ) : (
            <span className="reply-author">{r.author.displayName}</span>
          )}
          {r.author.id && r.author.id === ui.thread.author.id && (
            <span className="badge badge-asker">asker</span>
          )}
          {r.author.mentor && <MentorBadge mentor={r.author.mentor} />}
          <Link className="reply-time" to={replyPath(r.threadId, r.id)}>
            <TimeAgo iso={r.createdAt} />
          </Link>
          {r.editedAt && (
            <button
              type="button"
              className="edited-marker"
              title={editedTitle}
              onClick={() =>
                ui.openDialog({ type: 'history', kind: 'reply', id: r.id, currentHtml: r.bodyHtml })
              }
            >
              edited
            </button>
          )}
          {r.helpful && <span className="badge badge-helpful">Helped the asker</span>}
          {collapsed && (
            <span className="muted collapsed-note">
              {r.points} {r.points === 1 ? 'point' : 'points'}
              {hidden > 0 ? ` · ${hidden} ${hidden === 1 ? 'reply' : 'replies'} hidden` : ''}
            </span>
          )}
        </header>
        {!collapsed && (
          <>
            {ui.editing === r.id ? (
              <ReplyEditor reply={r} onClose={() => ui.setEditing(null)} />
            ) : (
              <ReplyBody node={node} />
            )}
            <ReplyActions reply={r} />
            {ui.replyingTo === r.id && (
              <ReplyComposer
                threadId={r.threadId}
                parentId={r.id}
                label={`Reply to ${r.author.displayName}`}
                autoFocus
                textareaRef={composerRef}
                onCancel={() => ui.setReplyingTo(null)}
                onDone={(created) => {
                  ui.setReplyingTo(null);
                  ui.reveal(created.id);
                }}
              />
            )}
          </>
        )}
      </article>
      {!collapsed && node.children.length > 0 && (
        <div id={childrenId}>
          <ReplyTree nodes={node.children} />
        </div>
      )}
      {!collapsed && r.moreReplies > 0 && (
        <Link className="continue-thread" to={replyPath(r.threadId, r.id)}>
          Continue this thread ({r.moreReplies} more {r.moreReplies === 1 ? 'reply' : 'replies'}) →
        </Link>
      )}
    </li>
  );
}

/** "PM since 2019 · was a backend engineer": readers see who made the switch. */
function MentorBadge({ mentor }: { mentor: { switchYear: number; roleBefore: string } }) {
  const role = mentor.roleBefore.trim();
  // "Backend engineer" reads "a backend engineer"; "iOS developer" / "QA lead" keep capitals.
  const noun = /^[A-Z][a-z]+(\s[^A-Z]*)?$/.test(role)
    ? role[0]!.toLowerCase() + role.slice(1)
    : role;
  const an = /^[aeiou]/i.test(noun) && !/^(uni|use|eu)/i.test(noun) ? 'an' : 'a';
  return (
    <span className="badge badge-mentor mentor-badge">
      <span className="visually-hidden">Mentor: </span>PM since {mentor.switchYear} · was {an}{' '}
      {noun}
    </span>
  );
}
