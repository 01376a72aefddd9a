import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useOverview, useResume } from '../components/mentorship/api';
import { HistoryList } from '../components/mentorship/HistoryList';
import { MentorshipCard } from '../components/mentorship/MentorshipCard';
import { RequestCard } from '../components/mentorship/RequestCard';
import { signInHref } from '../components/forum/forum-api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/title';

/** /mentorships — requests sent and received, active and past mentorships, pause state. */
export function MentorshipsPage() {
  const { viewer, isPending } = useSession();
  const overview = useOverview(!!viewer);
  const resume = useResume();
  const { hash } = useLocation();

  usePageTitle('Your mentorships');
  // Links such as /mentorships#received land on their section once it has rendered.
  useEffect(() => {
    if (hash && overview.data) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash, overview.data]);

  if (isPending) return null;
  if (!viewer)
    return (
      <section>
        <h1>Your mentorships</h1>
        <p>
          <Link to={signInHref()}>Sign in</Link> to see your mentorship requests and mentorships.
        </p>
      </section>
    );
  if (overview.isPending)
    return (
      <p role="status" className="muted">
        Loading your mentorships…
      </p>
    );
  if (overview.isError)
    return (
      <div role="alert" className="error-box">
        <p>{overview.error.message}</p>
        <button type="button" onClick={() => void overview.refetch()}>
          Try again
        </button>
      </div>
    );

  const o = overview.data;
  const pause = o.mentor?.pause;
  return (
    <div className="mentorships-page">
      <h1>Your mentorships</h1>
      {pause?.paused && (
        <section id="pause" className="notice pause-notice" aria-labelledby="pause-title">
          <h2 id="pause-title">New requests are paused</h2>
          {pause.reason === 'expired_requests' ? (
            <p>
              Your last requests expired without an answer, so we paused new ones to keep askers
              from waiting. Resume when you have time: your capacity goes back to{' '}
              {pause.capacityBefore}.
            </p>
          ) : (
            <p>
              Your capacity is 0.{' '}
              <Link to="/settings/profile">Raise it in your mentor profile</Link> to take requests
              again.
            </p>
          )}
          {pause.reason === 'expired_requests' && (
            <button type="button" disabled={resume.isPending} onClick={() => resume.mutate()}>
              {resume.isPending ? 'Resuming…' : 'Resume mentoring'}
            </button>
          )}
          {resume.isError && (
            <p role="alert" className="field-error">
              {resume.error.message}
            </p>
          )}
        </section>
      )}

      <section id="received" aria-labelledby="received-title">
        <h2 id="received-title">Requests for you</h2>
        {o.mentor && (
          <p className="muted">
            {o.mentor.activeMentees} of {o.mentor.capacity} mentee places taken.
          </p>
        )}
        {o.openReceived.length === 0 ? (
          <p className="muted">
            {o.mentor
              ? 'No open requests right now.'
              : 'Share your switch story in your profile to receive requests.'}
          </p>
        ) : (
          o.openReceived.map((r) => <RequestCard key={r.id} request={r} />)
        )}
      </section>

      <section id="active" aria-labelledby="active-title">
        <h2 id="active-title">Active mentorships</h2>
        {o.active.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          o.active.map((m) => <MentorshipCard key={m.id} mentorship={m} />)
        )}
      </section>

      <section id="sent" aria-labelledby="sent-title">
        <h2 id="sent-title">Requests you sent</h2>
        <p className="muted">
          {o.openSent.length} of {o.limits.maxOpenRequests} open requests. Unanswered requests
          expire after {o.limits.ttlDays} days.
        </p>
        {o.openSent.length === 0 ? (
          <p className="muted">
            No open requests. <Link to="/mentors">Find a mentor</Link>.
          </p>
        ) : (
          o.openSent.map((r) => <RequestCard key={r.id} request={r} />)
        )}
      </section>

      <section id="past" aria-labelledby="past-title">
        <h2 id="past-title">Past</h2>
        <details>
          <summary>Past mentorships</summary>
          <HistoryList box="ended" />
        </details>
        <details>
          <summary>Answered and expired requests you sent</summary>
          <HistoryList box="sent" />
        </details>
        <details>
          <summary>Requests you answered or that expired</summary>
          <HistoryList box="received" />
        </details>
      </section>
    </div>
  );
}
