import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ThreadEvent } from '../../lib/thread-tree';
import { ErrorAlert } from './errors';
import { sendJson, useThreadCache } from './forum-api';
import { FormActions } from '../FormActions';

/** PATCHes an edit, then writes the saved item into the thread's cache before `done`. */
export function useEditSave<Input, Saved>(
  threadId: string,
  path: string,
  toEvent: (saved: Saved) => ThreadEvent,
  done: () => void,
) {
  const apply = useThreadCache(threadId);
  return useMutation({
    mutationFn: (input: Input) => sendJson<Saved>('PATCH', path, input),
    onSuccess: (saved) => {
      apply(toEvent(saved));
      done();
    },
  });
}

/** The frame of an in-place edit: its fields, a retry for failures, save and discard. */
export function EditForm({
  className,
  save,
  fields,
  onSubmit,
  onDiscard,
  canSave = true,
  saveLabel,
  discardLabel,
  children,
}: {
  className: string;
  save: { isPending: boolean; error: unknown };
  /** Errors on these fields show beside them, not in the alert. */
  fields: string[];
  onSubmit: () => void;
  onDiscard: () => void;
  canSave?: boolean;
  saveLabel: string;
  discardLabel: string;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <ErrorAlert error={save.error} fields={fields} onRetry={onSubmit} retryLabel="Save again" />
      <FormActions
        label={saveLabel}
        pendingLabel="Saving…"
        pending={save.isPending}
        disabled={!canSave}
        cancelLabel={discardLabel}
        onCancel={onDiscard}
      />
    </form>
  );
}
