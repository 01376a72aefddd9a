import { Link, useLocation } from 'react-router';
import { TagFilter } from '../components/forum/TagFilter';
import { ThreadFeed } from '../components/forum/ThreadFeed';
import { NewQuestionsBar } from '../components/live/NewQuestionsBar';
import { usePageTitle } from '../lib/title';

/** The front page: hot / new / top / unanswered, with a tag filter. */
export function HomePage() {
  usePageTitle(null);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <section aria-labelledby="home-title">
      <div className="page-head">
        <h1 id="home-title">Questions from engineers moving into product</h1>
        <Link className="button-link" to="/ask">
          Ask a question
        </Link>
      </div>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <TagFilter />
      <NewQuestionsBar />
      <ThreadFeed />
    </section>
  );
}
