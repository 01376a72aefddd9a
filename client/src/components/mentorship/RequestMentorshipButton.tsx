import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { RequestItem } from '../../../../shared/api/mentorships';
import { useSession } from '../../lib/session';
import { Dialog } from '../forum/Dialog';
import { useSignInHref } from '../forum/forum-api';
import { RequestForm } from './RequestForm';

/**
 * "Request mentorship": the entry point on the thread panel, the directory and a mentor's
 * profile (/u/:handle renders it). Opens the request form in a dialog wide enough to write in
 * (full width on a phone); after sending it says so. A paused or full mentor cannot be asked:
 * the button stays, disabled, with the reason beside it (the server refuses such requests too).
 */
export function RequestMentorshipButton({
  mentor,
  threadId,
  existing,
}: {
  mentor: { handle: string; displayName: string; openSeats?: number; capacity?: number };
  threadId?: string;
  /** The viewer's open request / active mentorship with this mentor, when known. */
  existing?: { requestId: string | null; mentorshipId: string | null };
}) {
  const { viewer, isPending } = useSession();
  const signInHref = useSignInHref();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<RequestItem | null>(null);
  const whyId = useId();

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
        <Link to={signInHref}>Sign in to request a mentorship</Link>
      </p>
    );
  if (viewer.handle === mentor.handle) return null;
  const blocked =
    mentor.capacity === 0
      ? `${mentor.displayName} has paused mentoring and is not taking requests right now.`
      : mentor.openSeats === 0
        ? 'No room for new mentees right now.'
        : null;
  return (
    <div className="request-entry">
      <button
        type="button"
        className="request-mentorship"
        aria-label={`Request mentorship from ${mentor.displayName}`}
        aria-describedby={blocked ? whyId : undefined}
        disabled={!!blocked}
        onClick={() => setOpen(true)}
      >
        Request mentorship
      </button>
      {blocked && (
        <p id={whyId} className="mentorship-state muted">
          {blocked}
        </p>
      )}
      {open && !blocked && (
        <Dialog
          title={`Request a mentorship from ${mentor.displayName}`}
          className="request-dialog"
          onClose={() => setOpen(false)}
        >
          <RequestForm
            mentor={mentor}
            threadId={threadId}
            onDone={(r) => {
              setSent(r);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        </Dialog>
      )}
    </div>
  );
}
