import type { ComponentProps, FormEvent, ReactNode } from 'react';
import { ErrorSummary } from './form';

/** The frame of the asker and mentor forms: the error summary on top, the save button below. */
export function ProfileForm({
  frame: { kind, submit, pending, summary },
  exists,
  children,
}: {
  frame: {
    kind: 'asker' | 'mentor';
    submit: (e: FormEvent) => void;
    pending: boolean;
    summary: ComponentProps<typeof ErrorSummary>;
  };
  /** Whether there is a saved profile to update, or this creates it. */
  exists: boolean;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={submit} className="profile-form" aria-labelledby={`${kind}-title`}>
      <ErrorSummary {...summary} />
      {children}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : `${exists ? 'Save' : 'Create'} ${kind} profile`}
        </button>
      </div>
    </form>
  );
}
