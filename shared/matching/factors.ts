/**
 * One small pure function per factor, each returning a score in [0, 1]. Their weights and
 * thresholds come from weights.ts; score.ts combines them. "Unknown" inputs (no industries
 * given, no response history yet) score in the middle so they neither help nor bury anyone.
 */
import type { CompanySizeId, CompanyTypeId, MentoringFocusId, RoleFamilyId } from '../taxonomy';
import { companySizeIds, mentoringFocusIds } from '../taxonomy';
import { roleFamilyCloseness } from './roles';
import type { MatchingWeights } from './weights';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const NEUTRAL = 0.5;
const DAY_MS = 86_400_000;

export function textFactor(rank: number, w: MatchingWeights): number {
  return rank > 0 ? rank / (rank + w.textHalfRank) : 0;
}

export function roleFactor(
  askerFamily: RoleFamilyId,
  mentorFamily: RoleFamilyId,
  titleSimilarity: number,
  w: MatchingWeights,
): number {
  const share = w.roleFamilyShare;
  return clamp01(
    share * roleFamilyCloseness(askerFamily, mentorFamily) + (1 - share) * titleSimilarity,
  );
}

const SIMILAR_COMPANIES: ReadonlyArray<readonly [CompanyTypeId, CompanyTypeId, number]> = [
  ['agency', 'consultancy', 0.6],
  ['startup', 'scale-up', 0.6],
  ['scale-up', 'enterprise', 0.4],
  ['enterprise', 'public-sector', 0.4],
  ['agency', 'startup', 0.2],
];

export function companyTypeCloseness(a: CompanyTypeId, b: CompanyTypeId): number {
  if (a === b) return a === 'other' ? NEUTRAL : 1;
  for (const [x, y, v] of SIMILAR_COMPANIES)
    if ((x === a && y === b) || (x === b && y === a)) return v;
  return 0;
}

export function companyFactor(
  askerType: CompanyTypeId | null,
  askerSize: CompanySizeId | null | undefined,
  mentorType: CompanyTypeId | null,
  mentorSize: CompanySizeId | null,
): number {
  if (!askerType || !mentorType) return NEUTRAL;
  const type = companyTypeCloseness(askerType, mentorType);
  if (!askerSize || !mentorSize) return type;
  const steps = Math.abs(companySizeIds.indexOf(askerSize) - companySizeIds.indexOf(mentorSize));
  return 0.7 * type + 0.3 * (1 - steps / (companySizeIds.length - 1));
}

export function industryFactor(asker: readonly string[], mentor: readonly string[]): number {
  if (asker.length === 0 || mentor.length === 0) return NEUTRAL;
  const mine = new Set(mentor);
  const shared = asker.filter((i) => mine.has(i)).length;
  return shared === 0 ? 0 : shared === 1 ? 0.75 : 1;
}

export function experienceFactor(
  askerYears: number,
  mentorYearsBefore: number | null,
  w: MatchingWeights,
): number {
  if (mentorYearsBefore === null) return NEUTRAL;
  return clamp01(1 - Math.abs(askerYears - mentorYearsBefore) / w.experienceSpanYears);
}

/**
 * The focus ids are stages in order (exploring → choosing a path → building evidence →
 * interviewing → first 90 days); a mentor who helps with the next or previous stage is
 * still of some use. Averaged over what the asker said they need.
 */
export function reciprocityFactor(
  askerFocus: readonly MentoringFocusId[],
  mentorFocus: readonly MentoringFocusId[],
): number {
  if (askerFocus.length === 0 || mentorFocus.length === 0) return NEUTRAL;
  let sum = 0;
  for (const need of askerFocus) {
    const i = mentoringFocusIds.indexOf(need);
    let best = 0;
    for (const offer of mentorFocus) {
      const d = Math.abs(mentoringFocusIds.indexOf(offer) - i);
      best = Math.max(best, d === 0 ? 1 : d === 1 ? 0.4 : 0);
    }
    sum += best;
  }
  return sum / askerFocus.length;
}

export function overlapFactor(hours: number, w: MatchingWeights): number {
  return clamp01(hours / w.overlapFullHours);
}

/** Free seats always exist here (full mentors are filtered); fewer of them costs a little. */
export function capacityFactor(capacity: number, activeMentees: number): number {
  if (capacity <= 0) return 0;
  const used = clamp01(activeMentees / capacity);
  return 1 - used * used;
}

export function healthFactor(
  lastActiveAt: Date | null,
  responseHours: number | null,
  now: Date,
  w: MatchingWeights,
): number {
  const h = w.health;
  let activity = h.unknown;
  if (lastActiveAt) {
    const days = (now.getTime() - lastActiveAt.getTime()) / DAY_MS;
    activity = clamp01(1 - (days - h.recentDays) / (h.staleDays - h.recentDays));
  }
  let response = h.unknown;
  if (responseHours !== null) {
    const t = (responseHours - h.goodResponseHours) / (h.slowResponseHours - h.goodResponseHours);
    response = 1 - 0.8 * clamp01(t);
  }
  return (activity + response) / 2;
}

export type Presence = 'active' | 'quiet' | 'inactive';

/**
 * Issue 13, principle 2: a mentor who is not there is not a match. Inactive (inactiveDays or
 * more): not ranked; quiet (quietDays up to that): below every active mentor of the same
 * tier. No activity on record yet (a brand-new mentor) counts as active.
 */
export function presenceOf(lastActiveAt: Date | null, now: Date, w: MatchingWeights): Presence {
  if (!lastActiveAt) return 'active';
  const days = (now.getTime() - lastActiveAt.getTime()) / DAY_MS;
  if (days >= w.health.inactiveDays) return 'inactive';
  if (days >= w.health.quietDays) return 'quiet';
  return 'active';
}

/**
 * The share of a mentor's within-tier score the exposure re-rank takes off, in [0, 1);
 * Infinity means "over today's hard cap".
 *
 * It counts the attention a mentor already has (issue 13, principle 5): the distinct people
 * who saw their card today — per person, not per seat, so four seats do not buy four times
 * the attention — plus the mentees they already have, each worth `peoplePerMentee` people.
 * The share is n / (n + peopleToHalve): it never reaches the whole score and never saturates,
 * so among mentors of one tier the more-seen always yields to the less-seen of equal fit, and
 * a better fit keeps proportionally more attention.
 *
 * Why the mentees: the re-rank used to count only today's viewers, full at 5 people, at most
 * 0.6 of the score. Two things kept it from spreading load (the simulated load Gini was 0.357
 * with it vs 0.358 without on the bench's market; 0.369 vs 0.382 over six markets). Views are
 * forgotten every day while load is not: a mentor who took three mentees on Monday led their
 * tier again on Tuesday morning. And a full penalty made every much-seen mentor equal, so the
 * original order came back among them. Counting current mentees and a share that keeps
 * growing brought it to 0.338 on the bench's market and 0.348 over six (lower on each).
 */
export function exposureShare(
  impressionsToday: number,
  activeMentees: number,
  w: MatchingWeights,
): number {
  const e = w.exposure;
  if (impressionsToday >= e.maxImpressionsPerDay) return Infinity;
  const attention = impressionsToday + e.peoplePerMentee * Math.max(0, activeMentees);
  return attention / (attention + e.peopleToHalve);
}

/** Primary language subtag, so "pt-BR" and "pt" count as a shared language. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

export function sharesLanguage(a: readonly string[], b: readonly string[]): boolean {
  const mine = new Set(a.map(primaryLanguage));
  return b.some((l) => mine.has(primaryLanguage(l)));
}
