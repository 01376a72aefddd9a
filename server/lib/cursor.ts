import { AppError } from '../http/errors';

/**
 * Keyset cursors: the sort key of the last row, base64url-encoded JSON. Opaque to
 * clients; a cursor that does not decode is the client's error (400), not ours.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<T extends readonly (string | number)[]>(
  cursor: string | undefined,
  shape: { [K in keyof T]: 'string' | 'number' },
): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === shape.length &&
      parsed.every((v, i) => typeof v === shape[i])
    )
      return parsed as unknown as T;
  } catch {
    // fall through
  }
  throw new AppError('invalid_input', 'cursor: is not a cursor this server gave out', 'cursor');
}
