import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { DirectoryPage, ThreadMentorPanel as Panel } from '../../../../shared/api/mentorships';
import { apiFetch } from '../../lib/api';
import { pathHref } from '../../../../shared/api/paths';
import { pathInText } from '../../../../shared/taxonomy';
import { useThreadPanel } from './api';
import { MatchReasons } from './MatchReasons';
import { MentorSummaryCard } from './MentorSummaryCard';
import { RequestMentorshipButton } from './RequestMentorshipButton';

/** Where the asker says which paths they weigh (the onboarding form for askers). */
export const ASKER_FORM = '/welcome?role=asker';

/**
 * On a question: "PMs who made this switch" for the asker (with "Request mentorship"), and
 * "Mentors who might answer" for everyone else, whose reasons speak of the asker by name.
 * Without an asker profile only the question's words rank: the panel says what is missing and
 * shows no fit percentages. A signed-in reader of someone else's question is pointed to their
 * own matches. Rendered by the thread page.
 */
export function ThreadMentorPanel({ threadId }: { threadId: string }) {
  const panel = useThreadPanel(threadId);
  const title = panel.data?.viewerIsAsker ? 'PMs who made this switch' : 'Mentors who might answer';
  const headingId = `mentor-panel-${threadId}`;
  const d = panel.data;
  // Find a mentor ranked for this question: the matches in the panel's order, then the
  // other mentors in their own labelled section.
  const allForQuestion = `/mentors?threadId=${encodeURIComponent(threadId)}`;
  // Without an asker profile only the question's words rank: there is no switch to match yet.
  const what = d?.askerHasProfile === false ? 'this question' : 'this switch';

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
      {d && !d.askerHasProfile && <MissingProfile panel={d} />}
      {d && d.items.length === 0 && (
        <p className="muted">
          No mentor matches {what} yet.{' '}
          <Link to={allForQuestion}>See all mentors for this question</Link>.
        </p>
      )}
      {d && d.items.length > 0 && (
        <>
          {d.viewerIsAsker && !d.canRequest && (
            <p className="notice">
              You have {d.openRequests} open requests, the most at once. Wait for an answer or
              withdraw one on <Link to="/mentorships#sent">your mentorships</Link>.
            </p>
          )}
          {d.items.length < d.limit && (
            <p className="muted panel-short">
              Only {d.items.length} {d.items.length === 1 ? 'mentor matches' : 'mentors match'}{' '}
              {what} so far.
            </p>
          )}
          <ol className="mentor-panel-list">
            {d.items.map((m) => (
              <li key={m.id} className="mentor-panel-item">
                <MentorSummaryCard mentor={m} />
                <MatchReasons match={m.match} showFit={d.askerHasProfile} />
                {d.viewerIsAsker && (d.canRequest || m.mine.requestId || m.mine.mentorshipId) && (
                  <RequestMentorshipButton mentor={m} threadId={threadId} existing={m.mine} />
                )}
              </li>
            ))}
          </ol>
          <p className="panel-links">
            <Link to={allForQuestion}>See all mentors for this question</Link>
            {d.paths.map((p) => (
              <Link key={p.id} to={pathHref(p.id)}>
                How people switched via {pathInText(p.id)}
              </Link>
            ))}
          </p>
        </>
      )}
      {d && !d.viewerIsAsker && d.viewerHasAskerProfile !== null && <OwnMatches panel={d} />}
    </section>
  );
}

function MissingProfile({ panel }: { panel: Panel }) {
  if (panel.viewerIsAsker)
    return (
      <p className="notice">
        <Link to={ASKER_FORM}>Add the paths you are weighing</Link> to see mentors who took them.
        Until then these mentors are matched on your question’s words alone.
      </p>
    );
  return (
    <p className="muted">
      {panel.askerName ?? 'The asker'} has not said which paths they are weighing, so these mentors
      are matched on the question’s words alone.
    </p>
  );
}

/**
 * A signed-in reader of someone else's question: their own top matches (ranked for their own
 * asker profile by Find a mentor's endpoint), or how to get them.
 */
function OwnMatches({ panel }: { panel: Panel }) {
  const own = useQuery({
    queryKey: ['mentorship', 'own-matches'],
    queryFn: () => apiFetch<DirectoryPage>('/api/mentor-directory?limit=3'),
    enabled: !!panel.viewerHasAskerProfile,
  });
  if (!panel.viewerHasAskerProfile)
    return (
      <p className="own-matches">
        Exploring a switch yourself? <Link to={ASKER_FORM}>Add the paths you are weighing</Link> to
        see mentors who took them.
      </p>
    );
  const mine = own.data?.ranked ? own.data.items.filter((m) => m.section === 'match') : [];
  return (
    <div className="own-matches">
      <h3>Matched to you</h3>
      {mine.length > 0 ? (
        <ul>
          {mine.map((m) => (
            <li key={m.id}>
              <Link to={`/u/${encodeURIComponent(m.handle)}`}>{m.displayName}</Link>
              {m.match?.reasons[0] && <span className="muted"> — {m.match.reasons[0]}</span>}
            </li>
          ))}
        </ul>
      ) : (
        own.isSuccess && <p className="muted">No mentor matches your own switch yet.</p>
      )}
      <p>
        <Link to="/mentors">See all the mentors matched to you</Link>
      </p>
    </div>
  );
}
