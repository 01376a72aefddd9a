import { Link } from 'react-router';
import { pathHref } from '../../../../shared/api/paths';
import { useThreadPanel } from './api';
import { MatchReasons } from './MatchReasons';
import { MentorSummaryCard } from './MentorSummaryCard';
import { RequestMentorshipButton } from './RequestMentorshipButton';

/**
 * On a question: "PMs who made this switch" for the asker (with "Request mentorship"), and
 * "Mentors who might answer" for everyone else. Rendered by the thread page.
 */
export function ThreadMentorPanel({ threadId }: { threadId: string }) {
  const panel = useThreadPanel(threadId);
  const title = panel.data?.viewerIsAsker ? 'PMs who made this switch' : 'Mentors who might answer';
  const headingId = `mentor-panel-${threadId}`;

  return (
    <section className="mentor-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {panel.isPending && (
        <p role="status" className="muted">
          Finding mentors who made this switch…
        </p>
      )}
      {panel.isError && (
        <div role="alert" className="error-box">
          <p>Could not load matching mentors: {panel.error.message}</p>
          <button type="button" className="button-secondary" onClick={() => void panel.refetch()}>
            Try again
          </button>
        </div>
      )}
      {panel.data && panel.data.items.length === 0 && (
        <p className="muted">
          No mentor matches this question yet. <Link to="/mentors">Browse all mentors</Link>.
        </p>
      )}
      {panel.data && panel.data.items.length > 0 && (
        <>
          {panel.data.viewerIsAsker && !panel.data.canRequest && (
            <p className="notice">
              You have {panel.data.openRequests} open requests, the most at once. Wait for an answer
              or withdraw one on <Link to="/mentorships#sent">your mentorships</Link>.
            </p>
          )}
          <ol className="mentor-panel-list">
            {panel.data.items.map((m) => (
              <li key={m.id} className="mentor-panel-item">
                <MentorSummaryCard mentor={m} />
                <MatchReasons match={m.match} />
                {panel.data.viewerIsAsker &&
                  (panel.data.canRequest || m.mine.requestId || m.mine.mentorshipId) && (
                    <RequestMentorshipButton mentor={m} threadId={threadId} existing={m.mine} />
                  )}
              </li>
            ))}
          </ol>
          <p className="panel-links">
            <Link to="/mentors">Find more mentors</Link>
            {panel.data.paths.map((p) => (
              <Link key={p.id} to={pathHref(p.id)}>
                How people switched via {p.label.toLowerCase()}
              </Link>
            ))}
          </p>
        </>
      )}
    </section>
  );
}
