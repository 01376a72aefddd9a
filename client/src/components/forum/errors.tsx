import { Link } from 'react-router';
import { ApiError } from '../../lib/api';
import { signInHref } from './forum-api';

/** The API error's message when it names this field (`tags` also matches `tags.2`). */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  if (error.field !== field && !error.field.startsWith(field + '.')) return undefined;
  // "title: must be 8–200 characters" → "must be 8–200 characters" beside the title field.
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

/** An error that belongs to none of the form's fields (or any error, for lists). */
export function ErrorAlert({
  error,
  fields = [],
  onRetry,
  retryLabel = 'Try again',
}: {
  error: unknown;
  fields?: string[];
  onRetry?: () => void;
  retryLabel?: string;
}) {
  if (!error) return null;
  if (fields.some((f) => fieldError(error, f))) return null;
  const unauthorized = error instanceof ApiError && error.status === 401;
  return (
    <div role="alert" className="error-box forum-alert">
      <p>{errorMessage(error)}</p>
      {unauthorized && (
        <p>
          <Link to={signInHref()}>Sign in</Link> — what you wrote stays here.
        </p>
      )}
      {onRetry && !unauthorized && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </div>
  );
}

/** A 409 "you posted this already" links to the earlier post instead of posting it twice. */
export function EarlierPostLink({ error }: { error: unknown }) {
  const url = error instanceof ApiError ? error.details.existingUrl : undefined;
  if (typeof url !== 'string' || !url.startsWith('/')) return null;
  return (
    <p className="notice">
      <Link to={url}>Open your earlier post</Link> — nothing was posted twice.
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="muted loading">
      {label}
    </p>
  );
}
