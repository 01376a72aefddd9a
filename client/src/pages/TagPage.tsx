import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { tagsQuery } from '../components/forum/forum-api';
import { TagFilter } from '../components/forum/TagFilter';
import { TagFollowButton } from '../components/forum/TagFollowButton';
import { ThreadFeed } from '../components/forum/ThreadFeed';
import { pageNames, usePageTitle } from '../lib/title';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /t/:tag — the front page for one tag. */
export function TagPage() {
  const { tag = '', replyId } = useParams();
  const info = useQuery({ ...tagsQuery(tag), enabled: !UUID.test(tag) });
  usePageTitle(pageNames.tag(tag));
  // Early links pointed at /t/<threadId>[/r/<replyId>]; threads live at /q/ now.
  if (UUID.test(tag)) return <Navigate replace to={`/q/${tag}${replyId ? `/r/${replyId}` : ''}`} />;
  const count = info.data?.find((t) => t.slug === tag)?.threadCount;
  return (
    <section aria-labelledby="tag-title">
      {/* React hoists this into <head>: a feed reader given the tag's page finds its feed. */}
      <link
        rel="alternate"
        type="application/atom+xml"
        title={`Questions tagged ${tag} · Switchboard`}
        href={`/t/${encodeURIComponent(tag)}/feed.atom`}
      />
      <div className="page-head">
        <div>
          <p className="eyebrow">
            <Link to="/">All questions</Link> / tag
          </p>
          <h1 id="tag-title">
            Questions tagged <span className="tag tag-large">{tag}</span>
          </h1>
          {count !== undefined && (
            <p className="muted">
              {count} {count === 1 ? 'question' : 'questions'}
            </p>
          )}
        </div>
        <div className="tag-actions">
          <TagFollowButton tag={tag} />
          <Link className="button-link" to={`/ask?tag=${encodeURIComponent(tag)}`}>
            Ask about {tag}
          </Link>
        </div>
      </div>
      <TagFilter current={tag} />
      <ThreadFeed tag={tag} listLabel={`Questions tagged ${tag}`} />
    </section>
  );
}
