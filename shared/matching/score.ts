/**
 * The Node pass of matching: hard filters, factor scores, the exposure re-rank and the
 * reasons, for candidates that Postgres already narrowed down (server/matching/engine.ts).
 * Pure: the same inputs give the same list, which the fixtures and the bench rely on.
 */
import * as f from './factors';
import { buildReasons } from './reasons';
import { overlapWith } from './timezone';
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
  /** Find-a-mentor filter: at least this many hours of working-day overlap. */
  minOverlapHours?: number;
}

export function exclusionOf(
  asker: AskerInput,
  m: MentorCandidate,
  blocked?: ReadonlySet<string>,
): ExclusionReason | null {
  if (m.userId === asker.userId) return 'self';
  if (blocked?.has(m.userId)) return 'blocked';
  if (m.capacity <= 0) return 'paused';
  if (m.activeMentees >= m.capacity) return 'full';
  // An asker who gave no languages (no profile yet) is not filtered by language.
  if (asker.languages.length > 0 && !f.sharesLanguage(asker.languages, m.languages))
    return 'no-shared-language';
  return null;
}

export interface Scored {
  mentor: MentorCandidate;
  fit: number;
  score: number;
  factors: FactorScore[];
  overlapHours: number;
  /** Over today's impression cap: not listed. */
  capped: boolean;
}

/** Factor scores of one candidate (no filtering, no exposure). */
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
    path: f.pathFactor(asker.pathsWeighed, m.pathTaken),
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

export function scoreCandidates(
  asker: AskerInput,
  candidates: readonly MentorCandidate[],
  opts: RankOptions,
): Scored[] {
  const w = opts.weights ?? WEIGHTS;
  const ids = Object.keys(w.factors) as FitFactorId[];
  const total = ids.reduce((s, id) => s + w.factors[id], 0);
  const overlapOf = overlapWith(asker.timeZone, opts.now);
  const out: Scored[] = [];
  for (const m of candidates) {
    if (exclusionOf(asker, m, opts.blocked)) continue;
    const hours = overlapOf(m.timeZone);
    if (opts.minOverlapHours !== undefined && hours < opts.minOverlapHours) continue;
    const scores = fitFactors(asker, m, hours, opts.now, w);
    const factors: FactorScore[] = ids.map((id) => ({
      id,
      label: FACTOR_LABELS[id],
      score: scores[id],
      weight: w.factors[id],
      contribution: (w.factors[id] * scores[id]) / total,
    }));
    const fit = factors.reduce((s, x) => s + x.contribution, 0);
    let penalty = 0;
    if (opts.exposure !== false)
      penalty = f.exposurePenalty(m.impressionsToday, m.capacity - m.activeMentees, w);
    const capped = penalty === Infinity;
    if (!capped && penalty > 0)
      factors.push({
        id: 'exposure',
        label: FACTOR_LABELS.exposure,
        score: penalty / w.exposure.maxPenalty,
        weight: w.exposure.maxPenalty,
        contribution: -Math.min(penalty, fit),
      });
    const score = capped ? 0 : Math.max(0, fit - penalty);
    out.push({ mentor: m, fit, score, factors, overlapHours: hours, capped });
  }
  return out;
}

/** Highest score first; ties by fit, then by id so the order is stable. */
export function compareScored(a: Scored, b: Scored): number {
  return b.score - a.score || b.fit - a.fit || (a.mentor.userId < b.mentor.userId ? -1 : 1);
}

export function rankCandidates(
  asker: AskerInput,
  candidates: readonly MentorCandidate[],
  opts: RankOptions,
): MatchResult[] {
  const scored = scoreCandidates(asker, candidates, opts).filter((s) => !s.capped);
  scored.sort(compareScored);
  return scored.slice(0, opts.limit).map((s) => present(asker, s, opts.questionText));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function present(asker: AskerInput, s: Scored, questionText = ''): MatchResult {
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
    reasons: buildReasons(asker, m, s.factors, s.overlapHours, questionText),
    overlapHours: Math.round(s.overlapHours * 2) / 2,
    openSeats: m.capacity - m.activeMentees,
  };
}
