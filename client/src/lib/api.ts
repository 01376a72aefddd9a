import { isApiErrorBody } from '../../../shared/api/errors';

/**
 * An error the API returned, with its stable code, (when known) the field at fault, and any
 * further details the API sent (e.g. a 409's `existingUrl`, a 429's `retryAfter`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly requestId?: string,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/**
 * The CSRF token of the signed-in session (from GET /api/session or sign-in). Set by
 * lib/session.tsx; every non-GET request below sends it as X-CSRF-Token.
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...(csrfToken && method !== 'GET' && method !== 'HEAD'
          ? { 'X-CSRF-Token': csrfToken }
          : {}),
        ...init.headers,
      },
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      'Could not reach Switchboard. Check your connection and try again.',
    );
  }
  const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    if (isApiErrorBody(body)) {
      const { code, message, field, requestId, ...details } = body.error;
      throw new ApiError(res.status, code, message, field, details, requestId);
    }
    throw new ApiError(
      res.status,
      'http_error',
      `The server answered ${res.status}. Please try again.`,
    );
  }
  return body as T;
}
