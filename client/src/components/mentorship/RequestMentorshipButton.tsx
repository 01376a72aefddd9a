import { useState } from 'react';
import { Link } from 'react-router';
import type { RequestItem } from '../../../../shared/api/mentorships';
import { useSession } from '../../lib/session';
import { signInHref } from '../forum/forum-api';
import { RequestForm } from './RequestForm';

/**
 * "Request mentorship": the entry point on the thread panel, the directory and a mentor's
 * profile (/u/:handle renders it). Opens the request form in place; after sending it says so.
 */
export function RequestMentorshipButton({
  mentor,
  threadId,
  existing,
}: {
  mentor: { handle: string; displayName: string; openSeats?: number };
  threadId?: string;
  /** The viewer's open request / active mentorship with this mentor, when known. */
  existing?: { requestId: string | null; mentorshipId: string | null };
}) {
  const { viewer, isPending } = useSession();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<RequestItem | null>(null);

  if (isPending) return null;
  if (existing?.mentorshipId)
    return (
      <p className="mentorship-state">
        <Link to="/mentorships#active">Your mentor — see your mentorships</Link>
      </p>
    );
  if (sent || existing?.requestId)
    return (
      <p className="mentorship-state" role={sent ? 'status' : undefined}>
        Request sent to {mentor.displayName}. <Link to="/mentorships#sent">See your requests</Link>
      </p>
    );
  if (!viewer)
    return (
      <p className="mentorship-state">
        <Link to={signInHref()}>Sign in to request a mentorship</Link>
      </p>
    );
  if (viewer.handle === mentor.handle) return null;
  if (mentor.openSeats === 0)
    return <p className="mentorship-state muted">No room for new mentees right now</p>;
  if (!open)
    return (
      <button
        type="button"
        className="request-mentorship"
        aria-label={`Request mentorship from ${mentor.displayName}`}
        onClick={() => setOpen(true)}
      >
        Request mentorship
      </button>
    );
  return (
    <RequestForm
      mentor={mentor}
      threadId={threadId}
      onDone={(r) => {
        setSent(r);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}
