/**
 * THE matching weights and thresholds, in one place.
 *
 * How the final score is built (shared/matching/score.ts):
 *   fit   = Σ weight(f) · score(f) / Σ weight(f)    over the fit factors below, each in [0, 1]
 *   score = max(0, fit − exposure penalty)           (exposure re-rank, see EXPOSURE)
 * so every score is in [0, 1] and each factor's `contribution` is weight·score/Σweight.
 *
 * Hard filters come before any scoring: no shared language, capacity 0 (paused), no free
 * seat, the asker themselves, and mentors the asker blocked are never listed.
 *
 * Tuning: the weights were fitted with tests/fixtures/matching/tune.ts on the TUNING split of
 * the labelled fixtures only (two thirds of the askers); the held-out third is what
 * `npm run bench -- matching` reports. Change a weight, re-run both, and say why here.
 */
import type { FactorId } from './types';

export type FitFactorId = Exclude<FactorId, 'exposure'>;

export interface MatchingWeights {
  factors: Record<FitFactorId, number>;
  /** Raw ts_rank at which the text factor reaches 0.5 (it saturates: r / (r + half)). */
  textHalfRank: number;
  /** Role factor = this share of role-family closeness + the rest of trigram similarity. */
  roleFamilyShare: number;
  /** Years apart at which the experience factor falls to 0. */
  experienceSpanYears: number;
  /** Hours of daily overlap that already count as full marks for the overlap factor. */
  overlapFullHours: number;
  health: {
    /** Active within this many days: full marks; fades to 0 at staleDays. */
    recentDays: number;
    staleDays: number;
    /** Answers within goodHours: full marks; fades to 0.2 at slowHours. */
    goodResponseHours: number;
    slowResponseHours: number;
    /** What a mentor with no history yet gets, so new mentors are not buried. */
    unknown: number;
  };
  exposure: {
    /** The largest penalty, taken off a fit when a mentor's seats are fully "spoken for". */
    maxPenalty: number;
    /** Distinct askers shown a mentor today per open seat before the full penalty applies. */
    impressionsPerSeat: number;
    /** Hard cap: after this many distinct askers today a mentor is not listed until tomorrow. */
    maxImpressionsPerDay: number;
    /** Upper bound on question e-mails per mentor per day, whatever their own setting. */
    maxQuestionNotificationsPerDay: number;
    /** Mentors told about one new question, at most. */
    notifyPerQuestion: number;
    /** A mentor is only told about a question when their fit is at least this. */
    notifyMinFit: number;
  };
  /**
   * Candidates the Postgres prefilter hands to the Node pass. Its stage 2 already adds an
   * approximation of every Node factor, so 60 keeps ~99% of the exact top 10 (the bench
   * measures it on 10,000 mentors) while Node parses and scores few rows.
   */
  prefilterLimit: number;
}

export const WEIGHTS: MatchingWeights = {
  // Fit factors: fitted by tune.ts on the tuning split (nDCG@5 0.901 → 0.916 there), with
  // text held at a floor of 0.15 (the labels barely reward it, but it is the only factor
  // that reads the question) and the logistics/health share (0.20) fixed by hand.
  factors: {
    // What the question is about vs the mentor's story, skills and "what helped".
    text: 0.15,
    // Role before the switch vs the asker's current role (family + pg_trgm title).
    role: 0.16,
    // The mentor took one of the paths the asker is weighing (related paths: partly).
    path: 0.2,
    // Company type (and size when the asker gave one) before the switch.
    company: 0.055,
    industry: 0.055,
    // Years of experience before the switch vs the asker's years now.
    experience: 0.09,
    // The asker's stage/goals are what the mentor most wants to help with.
    reciprocity: 0.09,
    // Product choices, not tuned (the labels judge fit, not convenience):
    // working-hours overlap of the two time zones,
    overlap: 0.08,
    // a soft penalty when nearly full (a full mentor is filtered out before this),
    capacity: 0.04,
    // recently active and answers quickly.
    health: 0.08,
  },
  textHalfRank: 0.1,
  roleFamilyShare: 0.6,
  experienceSpanYears: 10,
  overlapFullHours: 4,
  health: {
    recentDays: 7,
    staleDays: 90,
    goodResponseHours: 24,
    slowResponseHours: 120,
    unknown: 0.6,
  },
  exposure: {
    maxPenalty: 0.12,
    impressionsPerSeat: 6,
    maxImpressionsPerDay: 60,
    maxQuestionNotificationsPerDay: 5,
    notifyPerQuestion: 5,
    notifyMinFit: 0.45,
  },
  prefilterLimit: 60,
};
