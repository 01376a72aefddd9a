/**
 * Ranking mentors for one asker (and optionally their question): Postgres narrows 10,000s of
 * mentors to the best few hundred in one query (queries.ts findCandidates), then the pure
 * Node pass (shared/matching/score.ts) scores every factor, applies the exposure re-rank
 * and writes the reasons.
 */
import {
  rankCandidates,
  rankSections,
  type RankedSections,
  type RankOptions,
} from '../../shared/matching/score';
import type { AskerInput, MatchResult, QuestionInput } from '../../shared/matching/types';
import { WEIGHTS, type MatchingWeights } from '../../shared/matching/weights';
import type { Db } from '../db';
import { candidateFromRow, queryText } from './adapters';
import { findCandidates, refreshTermStats, type MatchFilters } from './queries';

export interface RankRequest {
  asker: AskerInput;
  question?: QuestionInput | null;
  limit: number;
  now?: Date;
  /** Off to measure pure relevance; on (default) for what people see. */
  exposure?: boolean;
  weights?: MatchingWeights;
  /** How many candidates Postgres hands to Node (default: weights.prefilterLimit). */
  prefilterLimit?: number;
  shortlist?: number;
  filters?: MatchFilters;
}

export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * matching_term_stats (which words are rare among mentor stories) is recounted at most
 * hourly per process, in the background: ranking never waits for it, and stale counts only
 * make the choice of query words slightly less sharp. A failure is retried next hour.
 */
const TERM_STATS_MAX_AGE_MS = 3_600_000;
let termStatsRefreshedAt = 0;
let refreshing: Promise<void> | null = null;

export function refreshTermStatsIfStale(db: Db, onError: (err: unknown) => void): void {
  if (refreshing || Date.now() - termStatsRefreshedAt < TERM_STATS_MAX_AGE_MS) return;
  termStatsRefreshedAt = Date.now();
  refreshing = refreshTermStats(db)
    .catch(onError)
    .finally(() => (refreshing = null));
}

/** What the candidate query needs to know of an asker and their question. */
export function candidateQuery(
  asker: AskerInput,
  question: QuestionInput | null | undefined,
  weights: MatchingWeights,
  now: Date,
) {
  return {
    askerId: asker.userId,
    text: queryText(asker, question),
    role: asker.currentRole,
    roleFamily: asker.roleFamily,
    languages: asker.languages,
    paths: asker.pathsWeighed,
    focus: asker.focus,
    companyType: asker.companyType,
    industries: asker.industries,
    day: utcDay(now),
    limit: weights.prefilterLimit,
    weights,
    timeZone: asker.timeZone,
    years: asker.yearsExperience,
    now,
  };
}

/** The candidates Postgres hands over for this request, and how the Node pass ranks them. */
async function candidatesOf(db: Db, req: RankRequest) {
  const weights = req.weights ?? WEIGHTS;
  const now = req.now ?? new Date();
  const { asker, question } = req;
  const rows = await findCandidates(db, {
    ...candidateQuery(asker, question, weights, now),
    limit: req.prefilterLimit ?? weights.prefilterLimit,
    filters: req.filters,
    shortlist: req.shortlist,
  });
  const opts: RankOptions = {
    now,
    limit: req.limit,
    weights,
    exposure: req.exposure,
    minOverlapHours: req.filters?.minOverlapHours,
    questionText: question ? `${question.title}\n${question.body}` : '',
  };
  return { candidates: rows.map(candidateFromRow), opts };
}

/** The engine's whole order (matches and other mentors together): what the bench measures. */
export async function rankMentors(db: Db, req: RankRequest): Promise<MatchResult[]> {
  const { candidates, opts } = await candidatesOf(db, req);
  return rankCandidates(req.asker, candidates, opts);
}

/**
 * What people are shown (issue 13, principle 7): the matches ranked on their own, at most
 * `limit`, and the other mentors apart. Every list a person sees comes from here, so the
 * thread panel, /api/matches and Find a mentor agree on the order of the matches.
 */
export async function rankMentorSections(db: Db, req: RankRequest): Promise<RankedSections> {
  const { candidates, opts } = await candidatesOf(db, req);
  return rankSections(req.asker, candidates, opts);
}
