import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  declineReasonLabel,
  declineReasons,
  type DeclineReason,
  type RequestItem,
} from '../../../../shared/api/mentorships';
import { timeAgo } from '../../lib/time';
import { ErrorAlert, FieldError, fieldError } from '../forum/errors';
import { useAnswerRequest } from './api';
import { FormActions } from '../FormActions';

const STATUS: Record<RequestItem['status'], string> = {
  open: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired without an answer',
  withdrawn: 'Withdrawn',
};

/** One request, from either side, with the actions the viewer may take on it. */
export function RequestCard({ request: r }: { request: RequestItem }) {
  const other = r.role === 'mentor' ? r.asker : r.mentor;
  const answer = useAnswerRequest();
  const navigate = useNavigate();
  const [declining, setDeclining] = useState(false);
  const headingId = useId();

  return (
    <article className="request-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {r.role === 'mentor' ? 'From ' : 'To '}
        <Link to={`/u/${encodeURIComponent(other.handle)}`}>{other.displayName}</Link>{' '}
        <span className="muted">@{other.handle}</span>
      </h3>
      <p className="request-status">
        <span className={`status-badge status-${r.status}`}>{STATUS[r.status]}</span>{' '}
        <span className="muted">
          sent {timeAgo(r.createdAt)}
          {r.status === 'open' && ` · expires ${timeAgo(r.expiresAt)}`}
        </span>
      </p>
      {r.thread && (
        <p className="muted">
          About <Link to={`/q/${r.thread.id}`}>{r.thread.title}</Link>
        </p>
      )}
      <blockquote className="request-message">{r.message}</blockquote>
      {r.status === 'declined' && r.declineReason && (
        <p>
          Reason: {declineReasonLabel(r.declineReason)}
          {r.declineNote && <> — “{r.declineNote}”</>}
        </p>
      )}
      <ErrorAlert error={answer.error} fields={['reason', 'note']} />
      {!declining && (r.can.accept || r.can.decline || r.can.withdraw) && (
        <div className="form-actions">
          {r.can.accept && (
            <button
              type="button"
              disabled={answer.isPending}
              onClick={() =>
                answer.mutate(
                  { id: r.id, action: 'accept' },
                  // Accepting lands the mentor in the new conversation.
                  {
                    onSuccess: (m) => {
                      if ('conversationId' in m) void navigate(`/messages/${m.conversationId}`);
                    },
                  },
                )
              }
            >
              Accept {r.asker.displayName}
            </button>
          )}
          {r.can.decline && (
            <button type="button" className="button-secondary" onClick={() => setDeclining(true)}>
              Decline…
            </button>
          )}
          {r.can.withdraw && (
            <button
              type="button"
              className="button-secondary"
              disabled={answer.isPending}
              onClick={() => answer.mutate({ id: r.id, action: 'withdraw' })}
            >
              Withdraw request
            </button>
          )}
        </div>
      )}
      {declining && (
        <DeclineForm
          pending={answer.isPending}
          error={answer.error}
          onCancel={() => setDeclining(false)}
          onSubmit={(reason, note) =>
            answer.mutate({ id: r.id, action: 'decline', body: { reason, note } })
          }
        />
      )}
    </article>
  );
}

function DeclineForm({
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  error: unknown;
  onSubmit: (reason: DeclineReason, note: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonError = missing ? 'pick a reason' : fieldError(error, 'reason');
  return (
    <form
      className="decline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason) return setMissing(true);
        onSubmit(reason, note);
      }}
    >
      <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
        <legend>Why are you declining?</legend>
        {declineReasons.map((d) => (
          <div key={d.id} className="field-check">
            <input
              type="radio"
              id={`${id}-${d.id}`}
              name="reason"
              value={d.id}
              checked={reason === d.id}
              onChange={() => {
                setReason(d.id);
                setMissing(false);
              }}
            />
            <label htmlFor={`${id}-${d.id}`}>{d.label}</label>
          </div>
        ))}
        <FieldError id={`${id}-reason-error`} message={reasonError} />
      </fieldset>
      <label className="field-label" htmlFor={`${id}-note`}>
        A note for them (optional)
      </label>
      <textarea
        id={`${id}-note`}
        rows={3}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-invalid={fieldError(error, 'note') ? true : undefined}
        aria-describedby={fieldError(error, 'note') ? `${id}-note-error` : undefined}
      />
      <FieldError id={`${id}-note-error`} message={fieldError(error, 'note')} />
      <FormActions
        label="Decline request"
        pendingLabel="Declining…"
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
