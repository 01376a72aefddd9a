import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { MentorshipItem } from '../../../../shared/api/mentorships';
import { timeAgo } from '../../lib/time';
import { ErrorAlert, FieldError, fieldError } from '../forum/errors';
import { useEndMentorship } from './api';
import { FormActions } from '../FormActions';

/** An active or past mentorship; either side can end an active one with optional feedback. */
export function MentorshipCard({ mentorship: m }: { mentorship: MentorshipItem }) {
  const headingId = useId();
  const id = useId();
  const end = useEndMentorship();
  const [ending, setEnding] = useState(false);
  const [feedback, setFeedback] = useState('');
  const feedbackError = fieldError(end.error, 'feedback');

  return (
    <article className="mentorship-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {m.role === 'asker' ? 'Your mentor ' : 'Your mentee '}
        <Link to={`/u/${encodeURIComponent(m.partner.handle)}`}>{m.partner.displayName}</Link>{' '}
        <span className="muted">@{m.partner.handle}</span>
      </h3>
      <p className="muted">
        <span className={`status-badge status-${m.status}`}>
          {m.status === 'active' ? 'Active' : 'Ended'}
        </span>{' '}
        started {timeAgo(m.startedAt)}
        {m.endedAt && ` · ended ${timeAgo(m.endedAt)}`}
        {m.endedBy && ` by ${m.endedBy.displayName}`}
      </p>
      {m.status === 'active' && (
        <p>
          <Link to={`/messages/${m.conversationId}`}>Open chat</Link>
        </p>
      )}
      {m.status !== 'active' && (
        <p>
          <Link to={`/messages/${m.conversationId}`}>Read the conversation</Link>
        </p>
      )}
      {m.endFeedback && <blockquote>{m.endFeedback}</blockquote>}
      <ErrorAlert error={end.error} fields={['feedback']} />
      {m.can.end && !ending && (
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={() => setEnding(true)}>
            End mentorship…
          </button>
        </div>
      )}
      {ending && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            end.mutate({ id: m.id, body: feedback.trim() ? { feedback } : {} });
          }}
        >
          <label className="field-label" htmlFor={`${id}-feedback`}>
            Feedback for {m.partner.displayName} (optional)
          </label>
          <textarea
            id={`${id}-feedback`}
            rows={3}
            value={feedback}
            onChange={(e) => setFeedback(e.target.value)}
            aria-invalid={feedbackError ? true : undefined}
            aria-describedby={feedbackError ? `${id}-feedback-error` : undefined}
          />
          <FieldError id={`${id}-feedback-error`} message={feedbackError} />
          <FormActions
            label="End mentorship"
            pendingLabel="Ending…"
            pending={end.isPending}
            danger
            cancelLabel="Keep it going"
            onCancel={() => setEnding(false)}
          />
        </form>
      )}
    </article>
  );
}
