/**
 * THE matching weights and thresholds, in one place.
 *
 * How a mentor is ranked (shared/matching/score.ts), issue 13:
 *   1. the fit LEVEL from tiers.ts decides first: role tier + path tier (same / closely
 *      related / unrelated), with poor worst-week working overlap costing a step;
 *   2. then presence: a quiet mentor (QUIET_DAYS..INACTIVE_DAYS without activity) ranks
 *      below every active mentor of the same level; an inactive one is not ranked at all;
 *   3. then, inside that, the weighted sum of the factors below (each in [0, 1], weights
 *      adding up to 1), less the exposure re-rank's share of it — so none of them can cross a tier;
 *   4. finally two partial mismatches keep a mentor out of the top 3 (tiers.protectTop).
 * The displayed score is (2·level + active + within) / (2·MAX_LEVEL + 2), in [0, 1], and the
 * factor contributions add up to it ("tier" carries steps 1–2).
 *
 * Hard filters come before any scoring: no shared language, capacity 0 (paused), no free
 * seat, inactive for INACTIVE_DAYS, the asker themselves, and mentors the asker blocked.
 *
 * Tuning: the within-tier weights were set by hand from the principles (the question's
 * text is what should order mentors of the same switch, so it weighs most); the bench prints
 * each factor's share of the decisions it makes.
 */
import type { FactorId } from './types';

/** Factors that order mentors inside a tier. */
export type FitFactorId = Exclude<FactorId, 'exposure' | 'tier' | 'path'>;

export interface MatchingWeights {
  factors: Record<FitFactorId, number>;
  /** Raw ts_rank_cd at which the text factor reaches 0.5 (it saturates: r / (r + half)). */
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
    /** Quiet from this many days without activity: below every active mentor of a tier. */
    quietDays: number;
    /** Inactive from this many days (about four months): not ranked as a match at all. */
    inactiveDays: number;
    /** What a mentor with no history yet gets, so new mentors are not buried. */
    unknown: number;
  };
  exposure: {
    /**
     * The attention at which the re-rank halves a mentor's within-tier score (it keeps
     * n / (n + this) of it off, never all of it): distinct people who saw the card today
     * plus peoplePerMentee for each current mentee.
     */
    peopleToHalve: number;
    /** How many people's attention one current mentee counts for. */
    peoplePerMentee: number;
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
  factors: {
    // What the question is about vs the mentor's story, skills and "what helped": among
    // mentors who made the same switch, the one whose story speaks to the question first.
    text: 0.3,
    // pg_trgm similarity of the role titles (and family closeness) — the tier already says
    // same / related, this only tells "Frontend engineer" from "UI developer" apart.
    role: 0.06,
    // Company type (and size when the asker gave one) before the switch.
    company: 0.1,
    industry: 0.08,
    // Years of experience before the switch vs the asker's years now.
    experience: 0.08,
    // The asker's stage/goals are what the mentor most wants to help with.
    reciprocity: 0.1,
    // Hours of shared working time beyond the tier's "poor / not poor".
    overlap: 0.1,
    // A soft penalty when nearly full (a full mentor is filtered out before this).
    capacity: 0.04,
    // Recently active and answers quickly.
    health: 0.14,
  },
  textHalfRank: 0.1,
  roleFamilyShare: 0.6,
  experienceSpanYears: 10,
  overlapFullHours: 6,
  health: {
    recentDays: 7,
    staleDays: 90,
    quietDays: 60,
    inactiveDays: 120,
    goodResponseHours: 24,
    slowResponseHours: 120,
    unknown: 0.6,
  },
  exposure: {
    // Chosen with the marketplace simulation over six generated markets, never the labels
    // (quality is measured with the re-rank off): load Gini 0.348 on average against 0.369
    // for the saturating per-person penalty before it and 0.382 without a re-rank; 3 people
    // to halve did the same (0.347), 5 per mentee no better (0.350); factors.ts says why.
    peopleToHalve: 5,
    peoplePerMentee: 3,
    maxImpressionsPerDay: 60,
    maxQuestionNotificationsPerDay: 5,
    notifyPerQuestion: 5,
    // Level 7 (a same role on a related path, or the reverse, with shared hours) at least.
    notifyMinFit: 0.7,
  },
  prefilterLimit: 60,
};
