import { z } from 'zod';

/**
 * IANA time zone names, shared by the profile forms, notification settings and sign-up (the
 * zone is asked at sign-up from the browser and decides when digests arrive).
 */

/** An IANA time zone name; spelled the way the runtime's own list spells it. */
export function normalizeTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name) || name.length > 64) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const lower = name.toLowerCase();
  const listed = supportedTimeZones().find((z) => z.toLowerCase() === lower);
  if (listed) return listed;
  if (resolved.toLowerCase() === lower) return resolved;
  // Keep aliases such as Asia/Kolkata as written rather than ICU's older canonical name
  // (Asia/Calcutta); typed all in one case, give them the database's usual casing.
  return name === lower || name === name.toUpperCase() ? titleCase(lower) : name;
}

/** asia/ho_chi_minh -> Asia/Ho_Chi_Minh (the IANA names' own convention). */
const titleCase = (s: string) =>
  s.replace(/(^|[/_-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());

let zones: string[] | undefined;
export function supportedTimeZones(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
  return zones;
}

export const TIME_ZONE_MESSAGE = 'must be an IANA time zone such as Europe/Berlin';

/** A real IANA zone, normalised (`europe/berlin` → `Europe/Berlin`); anything else is refused. */
export const timeZoneName = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : TIME_ZONE_MESSAGE) })
  .trim()
  .transform((s, ctx) => {
    const tz = normalizeTimeZone(s);
    if (!tz) {
      ctx.addIssue({ code: 'custom', message: TIME_ZONE_MESSAGE });
      return z.NEVER;
    }
    return tz;
  });
