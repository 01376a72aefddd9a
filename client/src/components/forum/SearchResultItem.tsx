import { Link } from 'react-router';
import type { SearchHit, SnippetPart } from '../../../../shared/api/search';
import { timeAgo } from '../../lib/time';
import { tagPath } from './forum-api';

/** Plain-text parts from the server; matches go in <mark>, nothing is parsed as HTML. */
export function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

export function SearchResultItem({ hit }: { hit: SearchHit }) {
  return (
    <li className="thread-item search-hit">
      <div className="thread-main">
        <p className="hit-kind">{hit.kind === 'thread' ? 'Question' : 'Reply'}</p>
        <h2 className="thread-title">
          <Link to={hit.url}>
            {hit.kind === 'thread' && hit.title.length ? (
              <Highlighted parts={hit.title} />
            ) : (
              hit.threadTitle
            )}
          </Link>
        </h2>
        <p className="thread-excerpt">
          <Highlighted parts={hit.snippet} />
        </p>
        <div className="thread-meta">
          {hit.tags.length > 0 && (
            <ul className="tags" aria-label="Tags">
              {hit.tags.map((t) => (
                <li key={t}>
                  <Link className="tag" to={tagPath(t)}>
                    {t}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <span>
            {hit.kind === 'thread' ? 'asked' : 'replied'} by {hit.author.displayName}{' '}
            <time dateTime={hit.createdAt} title={new Date(hit.createdAt).toLocaleString()}>
              {timeAgo(hit.createdAt)}
            </time>{' '}
            · {hit.points} {hit.points === 1 ? 'point' : 'points'}
          </span>
        </div>
      </div>
    </li>
  );
}
