import { useId, useState } from 'react';
import { MESSAGE_MAX, MESSAGE_MIN, type RequestItem } from '../../../../shared/api/mentorships';
import { ErrorAlert, FieldError, fieldError } from '../forum/errors';
import { useRequestMentorship } from './api';
import { FormActions } from '../FormActions';

/**
 * The request itself: a message about the asker's background and goals (50–2,000 characters).
 * Server errors land beside the field they name ("message: …") or above the form.
 */
export function RequestForm({
  mentor,
  threadId,
  onDone,
  onCancel,
}: {
  mentor: { handle: string; displayName: string };
  threadId?: string;
  onDone: (request: RequestItem) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [message, setMessage] = useState('');
  const send = useRequestMentorship();
  const length = message.trim().length;
  // The server's own wording ("must be 50-2000 characters (yours has 12)…"), beside the field.
  const error = fieldError(send.error, 'message');

  return (
    <form
      className="mentorship-request-form"
      aria-label={`Request a mentorship from ${mentor.displayName}`}
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate(
          { mentor: mentor.handle, message, ...(threadId ? { threadId } : {}) },
          { onSuccess: onDone },
        );
      }}
    >
      <label className="field-label" htmlFor={`${id}-message`}>
        Your message to {mentor.displayName}
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        Where you are now, what you are weighing and what you hope to get from a mentorship (
        {MESSAGE_MIN}–{MESSAGE_MAX.toLocaleString('en')} characters).
      </p>
      <textarea
        id={`${id}-message`}
        name="message"
        rows={6}
        maxLength={MESSAGE_MAX + 200}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint ${id}-count${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-count`} className="field-hint" aria-live="polite">
        {length < MESSAGE_MIN
          ? `${length} characters — ${MESSAGE_MIN - length} more needed`
          : `${length} of ${MESSAGE_MAX.toLocaleString('en')} characters`}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      <ErrorAlert error={send.error} fields={['message']} />
      <FormActions
        label="Send request"
        pendingLabel="Sending…"
        pending={send.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
