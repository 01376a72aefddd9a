/**
 * Working-hours overlap between two IANA time zones, computed with Intl so it follows each
 * zone's own DST rules (and half-hour zones like Asia/Kolkata or Australia/Adelaide).
 *
 * Working hours are 09:00–18:00 local time, Monday to Friday, in each person's own zone.
 * The overlap is averaged over the asker's five working days of the week that contains the
 * reference date, so a Monday in Auckland (still Sunday in California) counts as it is.
 */

export const WORK_START_HOUR = 9;
export const WORK_END_HOUR = 18;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(timeZone: string, instant: number): Wall {
  const w: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant))
    if (p.type !== 'literal') w[p.type] = Number(p.value);
  return w as unknown as Wall;
}

/** Minutes to add to UTC to get local time in `timeZone` at `instant` (+330 for Kolkata). */
export function utcOffsetMinutes(timeZone: string, instant: number): number {
  const w = wallClock(timeZone, instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant when the local clock in `timeZone` shows the given wall time. */
export function zonedTimeToInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two rounds settle on the right side of a DST change (working hours never sit in a gap).
  let t = wall - utcOffsetMinutes(timeZone, wall) * 60_000;
  t = wall - utcOffsetMinutes(timeZone, t) * 60_000;
  return t;
}

type Interval = readonly [start: number, end: number];

/** Local calendar date (as a UTC-midnight timestamp) at `instant` in `timeZone`. */
function localDate(timeZone: string, instant: number): number {
  const w = wallClock(timeZone, instant);
  return Date.UTC(w.year, w.month - 1, w.day);
}

function workingInterval(timeZone: string, utcMidnight: number): Interval | null {
  const d = new Date(utcMidnight);
  const weekday = d.getUTCDay();
  if (weekday === 0 || weekday === 6) return null;
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return [
    zonedTimeToInstant(timeZone, y, m, day, WORK_START_HOUR),
    zonedTimeToInstant(timeZone, y, m, day, WORK_END_HOUR),
  ];
}

/** Monday (UTC-midnight timestamp) of the local week containing `instant` in `timeZone`. */
export function localWeekStart(timeZone: string, instant: number): number {
  const date = localDate(timeZone, instant);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday = 0
  return date - weekday * DAY;
}

// Working intervals per zone and week are the expensive part (Intl calls); many candidates
// share a zone, so cache them. The key space is ~420 zones × a few weeks.
const weekCache = new Map<string, Interval[]>();
const WEEK_CACHE_MAX = 5_000;

/** Working intervals of `timeZone` on local days from weekStart-1 to weekStart+7. */
function workingIntervals(timeZone: string, weekStart: number): Interval[] {
  const key = `${timeZone}|${weekStart}`;
  let list = weekCache.get(key);
  if (!list) {
    list = [];
    for (let d = -1; d <= 7; d++) {
      const iv = workingInterval(timeZone, weekStart + d * DAY);
      if (iv) list.push(iv);
    }
    if (weekCache.size >= WEEK_CACHE_MAX) weekCache.clear();
    weekCache.set(key, list);
  }
  return list;
}

function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/**
 * Hours per working day that the asker's 09:00–18:00 overlaps the mentor's, averaged over
 * the asker's Monday–Friday in the week that contains `at`. Between 0 and 9.
 */
export function workingOverlapHours(askerZone: string, mentorZone: string, at: Date): number {
  return overlapWith(askerZone, at)(mentorZone);
}

/**
 * The same, prepared once per asker: ranking calls it for hundreds of candidates, most of
 * them sharing a few zones, so each distinct mentor zone is computed once.
 */
export function overlapWith(askerZone: string, at: Date): (mentorZone: string) => number {
  const weekStart = localWeekStart(askerZone, at.getTime());
  // The list also holds the next Monday (local 09:00 starts within UTC±14 h of midnight,
  // so Monday–Friday start before weekStart + 5 days and the next Monday well after).
  const askerDays = workingIntervals(askerZone, weekStart).filter(
    ([start]) => start < weekStart + 5 * DAY,
  );
  const byZone = new Map<string, number>();
  return (mentorZone) => {
    let hours = byZone.get(mentorZone);
    if (hours === undefined) {
      if (mentorZone === askerZone) hours = WORK_END_HOUR - WORK_START_HOUR;
      else {
        const mentorDays = workingIntervals(mentorZone, weekStart);
        let total = 0;
        for (const a of askerDays) for (const m of mentorDays) total += overlap(a, m);
        hours = total / HOUR / askerDays.length;
      }
      byZone.set(mentorZone, hours);
    }
    return hours;
  };
}

/** Overlap on one local working day of the asker (the date of `at` in the asker's zone). */
export function dayOverlapHours(askerZone: string, mentorZone: string, at: Date): number {
  const date = localDate(askerZone, at.getTime());
  const a = workingInterval(askerZone, date);
  if (!a) return 0;
  let total = 0;
  for (let d = -1; d <= 1; d++) {
    const m = workingInterval(mentorZone, date + d * DAY);
    if (m) total += overlap(a, m);
  }
  return total / HOUR;
}

// ---------------------------------------------------------------------------------------
// The whole year (issue 13, principle 3): live mentoring needs shared hours in EVERY week,
// so the figure that decides is the worst week across both people's DST changes.

const YEAR = 365 * DAY;
const SAMPLE = 14 * DAY; // no zone changes its offset twice within two weeks

const transitionCache = new Map<string, number[]>();

/**
 * Instants (to the minute) in [from, from + 1 year) at which `timeZone` changes its UTC
 * offset, found from Intl's offsets: sampled every two weeks, then bisected.
 */
export function offsetChanges(timeZone: string, from: number): number[] {
  const key = `${timeZone}|${from}`;
  const hit = transitionCache.get(key);
  if (hit) return hit;
  const out: number[] = [];
  let t = from;
  let off = utcOffsetMinutes(timeZone, t);
  while (t < from + YEAR) {
    const next = Math.min(t + SAMPLE, from + YEAR);
    const nextOff = utcOffsetMinutes(timeZone, next);
    if (nextOff !== off) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (utcOffsetMinutes(timeZone, mid) === off) lo = mid;
        else hi = mid;
      }
      out.push(hi);
    }
    t = next;
    off = nextOff;
  }
  if (transitionCache.size >= WEEK_CACHE_MAX) transitionCache.clear();
  transitionCache.set(key, out);
  return out;
}

export interface YearOverlap {
  /** Average hours per working day in the week that contains the reference date. */
  current: number;
  /** The lowest weekly average over the coming year (both people's DST changes). */
  worst: number;
}

/**
 * Per asker: for each mentor zone, this week's overlap and the worst week's over the coming
 * year. Between two offset changes (of either zone) every week is the same, so one week per
 * such stretch is enough: at most five weeks per pair instead of 52.
 */
export function yearOverlapWith(askerZone: string, at: Date): (mentorZone: string) => YearOverlap {
  // Weekly boundaries keep the caches warm across requests of the same week.
  const from = localWeekStart('UTC', at.getTime());
  const current = overlapWith(askerZone, at);
  const askerChanges = offsetChanges(askerZone, from);
  const byZone = new Map<string, YearOverlap>();
  return (mentorZone) => {
    let r = byZone.get(mentorZone);
    if (!r) {
      const now = current(mentorZone);
      let worst = now;
      if (mentorZone !== askerZone) {
        const cuts = [from, ...askerChanges, ...offsetChanges(mentorZone, from), from + YEAR];
        cuts.sort((a, b) => a - b);
        for (let i = 0; i + 1 < cuts.length; i++) {
          const mid = new Date(cuts[i]! + (cuts[i + 1]! - cuts[i]!) / 2);
          worst = Math.min(worst, workingOverlapHours(askerZone, mentorZone, mid));
        }
      }
      r = { current: now, worst };
      byZone.set(mentorZone, r);
    }
    return r;
  };
}
