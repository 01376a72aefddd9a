import { useRef, useState, type InputHTMLAttributes, type ReactNode, type RefObject } from 'react';
import type { z } from 'zod';
import { fieldIssues } from '../../../../shared/validation';
import { ApiError } from '../../lib/api';

export type FieldErrors = Record<string, string>;

/**
 * Form state for the account pages: per-field messages from the shared zod schema before
 * sending, and from the API's `field` after; anything else is a form-level alert that takes
 * focus so screen-reader users hear it.
 */
export function useAuthForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstError = (fields: string[]) =>
    requestAnimationFrame(() => {
      const first = fields[0];
      const el = first ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`) : null;
      (el ?? alertRef.current)?.focus();
    });

  function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
    const result = schema.safeParse(value);
    setFormError(null);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: FieldErrors = {};
    for (const issue of fieldIssues(result.error))
      next[issue.field.split('.')[0]!] ??= issue.message;
    setErrors(next);
    focusFirstError(Object.keys(next));
    return null;
  }

  function fromServer(err: unknown) {
    if (err instanceof ApiError && err.field && err.field !== '(body)') {
      setErrors({ [err.field]: err.message.replace(/^[^:]+:\s*/, '') });
      setFormError(null);
      focusFirstError([err.field]);
      return;
    }
    setFormError(err instanceof Error ? err.message : 'Something went wrong. Please try again.');
    requestAnimationFrame(() => alertRef.current?.focus());
  }

  return { errors, setErrors, formError, setFormError, check, fromServer, alertRef, formRef };
}

export function FormAlert({
  message,
  alertRef,
}: {
  message: string | null;
  alertRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div ref={alertRef} tabIndex={-1} role="alert" className={message ? 'error-box' : undefined}>
      {message && <p>{message}</p>}
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Prefix for ids when two forms on a page share field names. */
  idPrefix?: string;
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function Field({ name, label, hint, error, idPrefix = 'f', ...input }: FieldProps) {
  const id = `${idPrefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`auth-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="auth-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="auth-error">
          {label}: {error}
        </p>
      )}
    </div>
  );
}

/** Reads a form's named inputs as strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((v, k) => (out[k] = String(v)));
  return out;
}
