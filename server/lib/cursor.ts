import { AppError } from '../http/errors';

/**
 * Keyset cursors: the sort key of the last row, base64url-encoded JSON. Opaque to
 * clients; a cursor that does not decode — or whose fields are not what this list puts
 * there (a real timestamp, a real uuid, a whole number…) — is the client's error (400
 * naming `cursor`), never a SQL error later.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What one position of a list's cursor holds. */
export type CursorField =
  | 'string' // short text without NUL (a list's tag letter, a sort name)
  | 'number' // a finite number of a sane size (a rank, a score: it meets a `real` in SQL)
  | 'int' // a whole number a Postgres integer holds (points, an offset)
  | 'ms' // epoch milliseconds (a period's start)
  | 'time' // a timestamp as Postgres or microKey writes it, and a date that exists
  | 'uuid';

type FieldValue<F> = F extends 'string' | 'time' | 'uuid' ? string : number;

const INT4_MAX = 2_147_483_647;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// "2026-12-02 22:03:57.123456+00" (timestamptz::text) or "2026-12-02T22:03:57.123456Z" (microKey).
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

function realTime(v: string): boolean {
  const m = TIME.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s, offH, offM] = m.slice(1, 9).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60 &&
    // Postgres refuses a UTC offset beyond ±15:59 ("time zone displacement out of range").
    offH <= 15 &&
    offM < 60
  );
}

const checks: Record<CursorField, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string' && v.length <= 200 && !v.includes('\0'),
  number: (v) => typeof v === 'number' && Math.abs(v) <= 1e15,
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= INT4_MAX,
  ms: (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 8.64e15,
  time: (v) => typeof v === 'string' && realTime(v),
  uuid: (v) => typeof v === 'string' && UUID.test(v),
};

export function decodeCursor<const S extends readonly CursorField[]>(
  cursor: string | undefined,
  shape: S,
): { -readonly [K in keyof S]: FieldValue<S[K]> } | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === shape.length &&
    parsed.every((v, i) => checks[shape[i]!](v))
  )
    return parsed as { -readonly [K in keyof S]: FieldValue<S[K]> };
  throw new AppError('invalid_input', 'cursor: is not a cursor this server gave out', 'cursor');
}
