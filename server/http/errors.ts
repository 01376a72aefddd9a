import type { ErrorCode } from '../../shared/api/errors';

const statusByCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unsupported_media_type: 415,
  unavailable: 503,
  internal: 500,
};

/** The one error type: a stable code, its HTTP status, a message for people, maybe a field. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = statusByCode[code];
  }
}

export const notFound = (what = 'That page') => new AppError('not_found', `${what} was not found`);
export const forbidden = (why = 'You are not allowed to do that') => new AppError('forbidden', why);
export const unauthorized = (why = 'Please sign in first') => new AppError('unauthorized', why);
export const invalid = (field: string, message: string) =>
  new AppError('invalid_input', `${field}: ${message}`, field);
