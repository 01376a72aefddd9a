/**
 * The Node pass of matching: hard filters, factor scores, the exposure re-rank and the
 * reasons, for candidates that Postgres already narrowed down (server/matching/engine.ts).
 * Pure: the same inputs give the same list, which the fixtures and the bench rely on.
 */
import * as f from './factors';
import { buildReasons } from './reasons';
import { roleTier } from './roles';
import {
  fitLevel,
  isMatch,
  MAX_LEVEL,
  MAX_PARTIAL_FOR_TOP,
  partialMismatches,
  pathTier,
  POOR_OVERLAP_HOURS,
  protectTop,
  type TierInput,
} from './tiers';
import { yearOverlapWith, type YearOverlap } from './timezone';
import type {
  AskerInput,
  ExclusionReason,
  FactorId,
  FactorScore,
  MatchResult,
  MentorCandidate,
} from './types';
import { WEIGHTS, type FitFactorId, type MatchingWeights } from './weights';

export const FACTOR_LABELS: Record<FactorId, string> = {
  tier: 'Same switch as yours: role, path, shared hours, presence',
  text: 'Story matches your question',
  role: 'Similar role before the switch',
  path: 'Path you are weighing',
  company: 'Similar company',
  industry: 'Shared industry',
  experience: 'Similar experience',
  reciprocity: 'Wants to help with your stage',
  overlap: 'Working-hours overlap',
  capacity: 'Room for mentees',
  health: 'Active and responsive',
  exposure: 'Balancing attention across mentors',
};

export interface RankOptions {
  now: Date;
  limit: number;
  weights?: MatchingWeights;
  /** Mentors this asker blocked (Postgres filters them too; this keeps the pure pass safe). */
  blocked?: ReadonlySet<string>;
  /** Off for relevance evaluation; on for what people see. */
  exposure?: boolean;
  /** The question's title and body, so reasons can name the skills it asks about. */
  questionText?: string;
  /** Find-a-mentor filter: at least this many hours of working-day overlap (worst week). */
  minOverlapHours?: number;
}

export function exclusionOf(
  asker: AskerInput,
  m: MentorCandidate,
  blocked?: ReadonlySet<string>,
  now?: Date,
  w: MatchingWeights = WEIGHTS,
): ExclusionReason | null {
  if (m.userId === asker.userId) return 'self';
  if (blocked?.has(m.userId)) return 'blocked';
  if (m.capacity <= 0) return 'paused';
  if (m.activeMentees >= m.capacity) return 'full';
  // An asker who gave no languages (no profile yet) is not filtered by language.
  if (asker.languages.length > 0 && !f.sharesLanguage(asker.languages, m.languages))
    return 'no-shared-language';
  if (now && f.presenceOf(m.lastActiveAt, now, w) === 'inactive') return 'inactive';
  return null;
}

export interface Scored {
  mentor: MentorCandidate;
  tier: TierInput & { level: number };
  /** Active (1) or quiet (0): orders mentors of the same level. */
  active: 0 | 1;
  /** Within-tier score before exposure, in [0, 1]. */
  within: number;
  /** Within-tier score after the exposure penalty. */
  adjusted: number;
  fit: number;
  score: number;
  factors: FactorScore[];
  overlap: YearOverlap;
  /** Over today's impression cap: not listed. */
  capped: boolean;
}

/** Within-tier factor scores of one candidate (no filtering, no exposure). */
export function fitFactors(
  asker: AskerInput,
  m: MentorCandidate,
  overlapHours: number,
  now: Date,
  w: MatchingWeights,
): Record<FitFactorId, number> {
  return {
    text: f.textFactor(m.textRank, w),
    role: f.roleFactor(asker.roleFamily, m.roleBeforeFamily, m.roleSimilarity, w),
    company: f.companyFactor(
      asker.companyType,
      asker.companySize,
      m.companyTypeBefore,
      m.companySizeBefore,
    ),
    industry: f.industryFactor(asker.industries, m.industries),
    experience: f.experienceFactor(asker.yearsExperience, m.yearsBeforeSwitch, w),
    reciprocity: f.reciprocityFactor(asker.focus, m.focus),
    overlap: f.overlapFactor(overlapHours, w),
    capacity: f.capacityFactor(m.capacity, m.activeMentees),
    health: f.healthFactor(m.lastActiveAt, m.responseHours, now, w),
  };
}

/** Steps of the displayed score: two per level (quiet, active) plus the within part. */
const STEPS = 2 * MAX_LEVEL + 2;

export function tierOf(asker: AskerInput, m: MentorCandidate, worstOverlap: number) {
  const t: TierInput = {
    role: roleTier(asker.roleFamily, m.roleBeforeFamily, m.roleSimilarity),
    path: pathTier(asker.pathsWeighed, m.pathTaken),
    poorOverlap: worstOverlap < POOR_OVERLAP_HOURS,
  };
  return { ...t, level: fitLevel(t) };
}

export function scoreCandidates(
  asker: AskerInput,
  candidates: readonly MentorCandidate[],
  opts: RankOptions,
): Scored[] {
  const w = opts.weights ?? WEIGHTS;
  const ids = Object.keys(w.factors) as FitFactorId[];
  const total = ids.reduce((s, id) => s + w.factors[id], 0);
  const overlapOf = yearOverlapWith(asker.timeZone, opts.now);
  const out: Scored[] = [];
  for (const m of candidates) {
    if (exclusionOf(asker, m, opts.blocked, opts.now, w)) continue;
    const overlap = overlapOf(m.timeZone);
    if (opts.minOverlapHours !== undefined && overlap.worst < opts.minOverlapHours) continue;
    const tier = tierOf(asker, m, overlap.worst);
    const active = f.presenceOf(m.lastActiveAt, opts.now, w) === 'active' ? 1 : 0;
    const scores = fitFactors(asker, m, overlap.worst, opts.now, w);
    const within = ids.reduce((s, id) => s + w.factors[id] * scores[id], 0) / total;
    const tierPart = (2 * tier.level + active) / STEPS;
    const factors: FactorScore[] = [
      {
        id: 'tier',
        label: FACTOR_LABELS.tier,
        score: tier.level / MAX_LEVEL,
        weight: 1,
        contribution: tierPart,
      },
      // Role and path decide the tier; their own entries say how close each one is.
      { id: 'path', label: FACTOR_LABELS.path, score: tier.path / 2, weight: 0, contribution: 0 },
      ...ids.map((id) => ({
        id,
        label: FACTOR_LABELS[id],
        score: scores[id],
        weight: w.factors[id],
        contribution: (w.factors[id] * scores[id]) / total / STEPS,
      })),
    ];
    let share = 0;
    if (opts.exposure !== false) share = f.exposureShare(m.impressionsToday, m.activeMentees, w);
    const capped = share === Infinity;
    // The re-rank only reorders mentors inside a tier: it takes a share of `within`, never more.
    const taken = capped ? 0 : share * within;
    if (taken > 0)
      factors.push({
        id: 'exposure',
        label: FACTOR_LABELS.exposure,
        score: share,
        weight: 1,
        contribution: -taken / STEPS,
      });
    const adjusted = within - taken;
    const fit = tierPart + within / STEPS;
    const score = capped ? 0 : tierPart + adjusted / STEPS;
    out.push({ mentor: m, tier, active, within, adjusted, fit, score, factors, overlap, capped });
  }
  return out;
}

/** Level first, then presence, then the within-tier score; ties by id so the order is stable. */
export function compareScored(a: Scored, b: Scored): number {
  return (
    b.tier.level - a.tier.level ||
    b.active - a.active ||
    b.adjusted - a.adjusted ||
    b.within - a.within ||
    (a.mentor.userId < b.mentor.userId ? -1 : 1)
  );
}

/** Sorted, with two-partial-mismatch mentors kept out of the top 3. */
export function orderScored(asker: AskerInput, scored: Scored[]): Scored[] {
  scored.sort(compareScored);
  const known = { role: asker.roleFamily !== 'other', path: asker.pathsWeighed.length > 0 };
  return protectTop(scored, (s) => partialMismatches(s.tier, known) > MAX_PARTIAL_FOR_TOP);
}

export function rankCandidates(
  asker: AskerInput,
  candidates: readonly MentorCandidate[],
  opts: RankOptions,
): MatchResult[] {
  return topOf(asker, scoredOf(asker, candidates, opts), opts);
}

/** Every candidate scored, less those over today's hard cap. */
const scoredOf = (asker: AskerInput, candidates: readonly MentorCandidate[], opts: RankOptions) =>
  scoreCandidates(asker, candidates, opts).filter((s) => !s.capped);

/** The first `limit` in rank order, with their reasons. */
const topOf = (asker: AskerInput, scored: Scored[], opts: RankOptions) =>
  orderScored(asker, scored)
    .slice(0, opts.limit)
    .map((s) => present(asker, s, opts.questionText, opts.now));

export interface RankedSections {
  /** Mentors who match (isMatch: role and path at least closely related), best first. */
  matches: MatchResult[];
  /** The other mentors the engine could offer, best first: never mixed into `matches`. */
  others: MatchResult[];
}

/**
 * Principle 7 wherever a ranked list is shown: the matches are ranked among themselves and
 * the others apart, each at most `limit` long, so a short list stays short instead of being
 * padded with mentors who do not match. Each list is ordered as rankCandidates orders (tier,
 * presence, within-tier score, two-partial mentors kept out of its own top 3), so the matches
 * keep the relative order they have in the whole ranking.
 */
export function rankSections(
  asker: AskerInput,
  candidates: readonly MentorCandidate[],
  opts: RankOptions,
): RankedSections {
  const scored = scoredOf(asker, candidates, opts);
  return {
    matches: topOf(
      asker,
      scored.filter((s) => isMatch(s.tier)),
      opts,
    ),
    others: topOf(
      asker,
      scored.filter((s) => !isMatch(s.tier)),
      opts,
    ),
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const half = (x: number) => Math.round(x * 2) / 2;

export function present(
  asker: AskerInput,
  s: Scored,
  questionText = '',
  now = new Date(),
): MatchResult {
  const m = s.mentor;
  return {
    mentorId: m.userId,
    handle: m.handle,
    displayName: m.displayName,
    score: round3(s.score),
    fit: round3(s.fit),
    factors: s.factors.map((x) => ({
      ...x,
      score: round3(x.score),
      contribution: round3(x.contribution),
    })),
    reasons: buildReasons(asker, m, {
      factors: s.factors,
      tier: s.tier,
      overlap: s.overlap,
      questionText,
      now,
    }),
    overlapHours: half(s.overlap.worst),
    overlapHoursNow: half(s.overlap.current),
    tier: {
      role: s.tier.role,
      path: s.tier.path,
      poorOverlap: s.tier.poorOverlap,
      level: s.tier.level,
    },
    activity: s.active ? 'active' : 'quiet',
    openSeats: m.capacity - m.activeMentees,
  };
}
