import type { ReactNode } from 'react';
import { ErrorAlert } from './errors';
import { FormActions } from '../FormActions';

/**
 * The form inside a dialog: its fields, an alert for other errors, submit and cancel. The
 * caller keeps the <Dialog> itself, so swapping the form for a result keeps the dialog open.
 */
export function DialogForm({
  onSubmit,
  onCancel,
  send,
  fields,
  submitLabel,
  pendingLabel,
  danger = false,
  children,
}: {
  onSubmit: () => void;
  onCancel: () => void;
  send: { isPending: boolean; error: unknown };
  /** Errors on these fields show beside them, not in the alert. */
  fields: string[];
  submitLabel: string;
  pendingLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <ErrorAlert error={send.error} fields={fields} />
      <FormActions
        label={submitLabel}
        pendingLabel={pendingLabel}
        pending={send.isPending}
        danger={danger}
        onCancel={onCancel}
      />
    </form>
  );
}
