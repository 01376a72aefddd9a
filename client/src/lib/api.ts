import { isApiErrorBody } from '../../../shared/api/errors';

/** An error the API returned, with its stable code and (when known) the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
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
    if (isApiErrorBody(body))
      throw new ApiError(res.status, body.error.code, body.error.message, body.error.field);
    throw new ApiError(
      res.status,
      'http_error',
      `The server answered ${res.status}. Please try again.`,
    );
  }
  return body as T;
}
