import { Link } from 'react-router';
import type { ThreadSummary } from '../../../shared/api/threads';
import { tagPath, threadPath } from './forum/forum-api';
import { TimeAgo } from './TimeAgo';

export function ThreadListItem({ thread }: { thread: ThreadSummary }) {
  return (
    <li className="thread-item">
      <div className="thread-stats">
        <span className="stat">
          <strong>{thread.points}</strong> {thread.points === 1 ? 'point' : 'points'}
        </span>
        <span className={thread.answered ? 'stat stat-answered' : 'stat'}>
          <strong>{thread.replyCount}</strong> {thread.replyCount === 1 ? 'reply' : 'replies'}
        </span>
        {thread.answered && <span className="stat stat-answered">✓ helped</span>}
      </div>
      <div className="thread-main">
        <h2 className="thread-title">
          <Link to={threadPath(thread.id, thread.title)}>{thread.title}</Link>
        </h2>
        <p className="thread-excerpt">{thread.excerpt}</p>
        <div className="thread-meta">
          <ul className="tags" aria-label="Tags">
            {thread.tags.map((tag) => (
              <li key={tag}>
                <Link className="tag" to={tagPath(tag)}>
                  {tag}
                </Link>
              </li>
            ))}
          </ul>
          {thread.locked && <span className="badge badge-locked">Locked</span>}
          <span>
            asked by {thread.author.displayName} <TimeAgo iso={thread.createdAt} />
          </span>
        </div>
      </div>
    </li>
  );
}
