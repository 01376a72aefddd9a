import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ModerationResult, SuspendInput } from '../../../../shared/api/moderation';
import type { UserRef } from '../../../../shared/api/threads';
import { fieldError } from './errors';
import { Field } from './Field';
import { Dialog } from './Dialog';
import { DialogForm } from './DialogForm';
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
  return (
    <Dialog title={`Suspend ${user.displayName}`} onClose={onClose}>
      <DialogForm
        onCancel={onClose}
        onSubmit={() => send.mutate({ days: Number(days), reason })}
        send={send}
        fields={['days', 'reason']}
        submitLabel="Suspend"
        pendingLabel="Suspending…"
        danger
      >
        <p>They are signed out everywhere and cannot post, vote or flag until it ends.</p>
        <Field id={`${id}-days`} label="Days" error={fieldError(send.error, 'days')}>
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={1}
              max={3650}
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-reason`}
          label="Reason (they will see it)"
          error={fieldError(send.error, 'reason')}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </DialogForm>
    </Dialog>
  );
}
