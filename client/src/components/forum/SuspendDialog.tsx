import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ModerationResult, SuspendInput } from '../../../../shared/api/moderation';
import type { UserRef } from '../../../../shared/api/threads';
import { Dialog } from './Dialog';
import { ErrorAlert, FieldError, fieldError } from './errors';
import { sendJson } from './forum-api';

export function SuspendDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserRef;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const [days, setDays] = useState('7');
  const [reason, setReason] = useState('');
  const send = useMutation({
    mutationFn: (input: SuspendInput) =>
      sendJson<ModerationResult>('POST', `/api/moderation/users/${user.id}/suspend`, input),
    onSuccess: (r) => {
      onDone(
        `${user.displayName} is suspended until ${new Date(r.suspendedUntil ?? '').toLocaleDateString()}.`,
      );
      onClose();
    },
  });
  const daysError = fieldError(send.error, 'days');
  const reasonError = fieldError(send.error, 'reason');
  return (
    <Dialog title={`Suspend ${user.displayName}`} onClose={onClose}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({ days: Number(days), reason });
        }}
      >
        <p>They are signed out everywhere and cannot post, vote or flag until it ends.</p>
        <label className="field-label" htmlFor={`${id}-days`}>
          Days
        </label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-invalid={daysError ? true : undefined}
          aria-describedby={daysError ? `${id}-days-error` : undefined}
        />
        <FieldError id={`${id}-days-error`} message={daysError} />
        <label className="field-label" htmlFor={`${id}-reason`}>
          Reason (they will see it)
        </label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        />
        <FieldError id={`${id}-reason-error`} message={reasonError} />
        <ErrorAlert error={send.error} fields={['days', 'reason']} />
        <div className="form-actions">
          <button type="submit" className="button-danger" disabled={send.isPending}>
            {send.isPending ? 'Suspending…' : 'Suspend'}
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
