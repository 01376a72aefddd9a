import { useRef, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { fieldIssues } from '../../../../shared/validation';
import { ApiError } from '../../lib/api';

export type Errors = Record<string, string>;

/**
 * Per-field errors from the shared zod schema (before sending) or from the API's `field`
 * (after). Nested paths such as `languages.2` belong to their top-level field.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
    const result = schema.safeParse(value);
    setFormError(null);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: Errors = {};
    for (const issue of fieldIssues(result.error)) {
      const top = issue.field.split('.')[0]!;
      next[top] ??= issue.message;
    }
    setErrors(next);
    focusSummary();
    return null;
  }

  function fromServer(err: unknown) {
    if (err instanceof ApiError && err.field && err.field !== '(body)') {
      const top = err.field.split('.')[0]!;
      setErrors({ [top]: err.message.replace(/^[^:]+:\s*/, '') });
      setFormError(null);
    } else {
      setFormError(err instanceof Error ? err.message : 'Saving failed. Please try again.');
    }
    focusSummary();
  }

  /** Editing a field retires its message; the rest wait for the next save. */
  const clearField = (field: string) =>
    setErrors((old) => {
      if (!(field in old)) return old;
      const next = { ...old };
      delete next[field];
      return next;
    });

  return { errors, formError, check, fromServer, clearField, summaryRef };
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** A label, the control, an optional hint and the error, wired with aria-describedby. */
export function Field({ id, label, hint, error, optional, className, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {/* Below the control, so labels and controls line up across a row of fields. */}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface ChoiceGroupProps {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly { id: string; label: string }[];
  value: string[];
  onChange: (next: string[]) => void;
}

/** Checkboxes in a fieldset; the legend names the group, the error is tied to it. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: ChoiceGroupProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      id={id}
      className={`field choice-group ${error ? 'field-invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <ul className="choices">
        {options.map((o) => (
          <li key={o.id}>
            <label className="choice">
              <input
                type="checkbox"
                id={`${id}-${o.id}`}
                checked={value.includes(o.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, o.id] : value.filter((v) => v !== o.id))
                }
              />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface SummaryProps {
  idPrefix: string;
  labels: Record<string, string>;
  errors: Errors;
  formError: string | null;
  summaryRef: React.RefObject<HTMLDivElement | null>;
}

/**
 * The list of problems at the top of a form, focused after a failed save so screen
 * readers hear it; each entry moves focus to its field.
 */
export function ErrorSummary({ idPrefix, labels, errors, formError, summaryRef }: SummaryProps) {
  const entries = Object.entries(errors);
  if (!entries.length && !formError) return null;
  const focusField = (field: string) => {
    const el = document.getElementById(`${idPrefix}-${field}`);
    const target = el?.matches('fieldset') ? el.querySelector('input') : el;
    target?.focus();
  };
  return (
    <div className="error-box error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      {formError && <p>{formError}</p>}
      {entries.length > 0 && (
        <>
          <p>
            <strong>
              {entries.length === 1 ? 'One field needs' : `${entries.length} fields need`} a change:
            </strong>
          </p>
          <ul>
            {entries.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${idPrefix}-${field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(field);
                  }}
                >
                  {labels[field] ?? field}: {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** "en, de , pt-BR" -> ["en", "de", "pt-BR"]; the schema then checks each entry. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Empty stays undefined (so the schema says "is required"); anything else a number. */
export const toNumber = (text: string) => (text.trim() === '' ? undefined : Number(text));
