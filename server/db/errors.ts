/**
 * Postgres unique_violation (23505), optionally of one named constraint or index, so a race
 * that a unique index settled can be answered as the conflict it is.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
