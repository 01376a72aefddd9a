import type { ThreadSummary } from '../../../shared/api/threads';
import { timeAgo } from '../lib/time';

export function ThreadListItem({ thread }: { thread: ThreadSummary }) {
  return (
    <li className="thread-item">
      <div
        className="thread-stats"
        aria-label={`${thread.points} points, ${thread.replyCount} replies`}
      >
        <span className="stat">
          <strong>{thread.points}</strong> pts
        </span>
        <span className="stat">
          <strong>{thread.replyCount}</strong> replies
        </span>
      </div>
      <div className="thread-main">
        <h2 className="thread-title">{thread.title}</h2>
        <p className="thread-excerpt">{thread.excerpt}</p>
        <div className="thread-meta">
          <ul className="tags" aria-label="Tags">
            {thread.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
          <span>
            asked by {thread.author.displayName}{' '}
            <time dateTime={thread.createdAt} title={new Date(thread.createdAt).toLocaleString()}>
              {timeAgo(thread.createdAt)}
            </time>
          </span>
        </div>
      </div>
    </li>
  );
}
