import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  flagReasonLabels,
  flagReasons,
  type FlagInput,
  type FlagReason,
  type FlagResult,
  type TargetType,
} from '../../../../shared/api/moderation';
import { Dialog } from './Dialog';
import { FieldError, fieldError } from './errors';
import { Field } from './Field';
import { DialogForm } from './DialogForm';
import { sendJson } from './forum-api';

export function FlagDialog({
  targetType,
  targetId,
  onClose,
}: {
  targetType: TargetType;
  targetId: string;
  onClose: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (input: FlagInput) => sendJson<FlagResult>('POST', '/api/flags', input),
  });

  const submit = () => {
    if (!reason) return setLocalError('Pick a reason.');
    if (reason === 'other' && !note.trim())
      return setLocalError('Tell the moderators what is wrong.');
    setLocalError(null);
    send.mutate({ targetType, targetId, reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  const what = targetType === 'thread' ? 'question' : 'reply';
  if (send.isSuccess)
    return (
      <Dialog title={`Flag this ${what}`} onClose={onClose}>
        <p role="status">
          {send.data.created
            ? 'Thanks — a moderator will look at it.'
            : 'You had already flagged this; your first flag stands.'}
        </p>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );

  const noteError = fieldError(send.error, 'note') ?? (reason === 'other' ? localError : null);
  const reasonError = !reason ? localError : fieldError(send.error, 'reason');
  return (
    <Dialog title={`Flag this ${what}`} onClose={onClose}>
      <DialogForm
        onCancel={onClose}
        onSubmit={submit}
        send={send}
        fields={['note', 'reason']}
        submitLabel="Send flag"
        pendingLabel="Sending…"
      >
        <fieldset
          className="flag-reasons"
          aria-describedby={reasonError ? `${id}-reason-error` : undefined}
        >
          <legend>Why should a moderator look at it?</legend>
          {flagReasons.map((r) => (
            <label key={r} className="radio-row">
              <input
                type="radio"
                name={`${id}-reason`}
                value={r}
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              {flagReasonLabels[r]}
            </label>
          ))}
          <FieldError id={`${id}-reason-error`} message={reasonError ?? undefined} />
        </fieldset>
        <Field
          id={`${id}-note`}
          label={`Note for the moderators ${reason === 'other' ? '(required)' : '(optional)'}`}
          error={noteError}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      </DialogForm>
    </Dialog>
  );
}
