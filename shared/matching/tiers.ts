/**
 * Issue 13, principle 1: where you come from and where you want to go ARE the match. Role
 * closeness and path closeness are tiers (same / closely related / unrelated), and mentors are
 * ranked by tier first; industry, company type, years, reciprocity, text and the rest only
 * order mentors inside a tier (score.ts). Shared working hours (principle 3) and presence
 * (principle 2) also act on the tier, never as one more additive weight.
 */
import type { CareerPathId } from '../taxonomy';
import type { Tier } from './roles';

export type { Tier } from './roles';
export { roleTier } from './roles';

/**
 * Closely related paths: moves that are often the same story under another name. Narrow on
 * purpose; anything not listed is unrelated.
 */
export const RELATED_PATHS: ReadonlyArray<readonly [CareerPathId, CareerPathId, string]> = [
  ['internal-transfer', 'technical-pm', 'both are a move inside an employer that knows you'],
  [
    'internal-transfer',
    'product-adjacent',
    'the bridge role is usually a step inside one employer',
  ],
  ['startup-eng-lead', 'founder', 'product by necessity in a small company'],
  ['consulting-pm', 'product-adjacent', 'client-facing product work before owning a product'],
  ['apm-program', 'mba', 'structured, application-based entries with a cohort'],
];

/** 2: the mentor took a path the asker weighs; 1: a closely related one; 0: otherwise. */
export function pathTier(weighed: readonly CareerPathId[], taken: CareerPathId): Tier {
  // An asker who weighs no path yet: every mentor is equally "related"; other factors decide.
  if (weighed.length === 0) return 1;
  if (weighed.includes(taken)) return 2;
  for (const [a, b] of RELATED_PATHS)
    if ((a === taken && weighed.includes(b)) || (b === taken && weighed.includes(a))) return 1;
  return 0;
}

/** The paths closely related to any weighed path (and not weighed themselves), for SQL. */
export function relatedPaths(weighed: readonly CareerPathId[]): CareerPathId[] {
  const out = new Set<CareerPathId>();
  for (const [a, b] of RELATED_PATHS) {
    if (weighed.includes(a) && !weighed.includes(b)) out.add(b);
    if (weighed.includes(b) && !weighed.includes(a)) out.add(a);
  }
  return [...out];
}

/** Hours of worst-week working overlap under which live mentoring is a real mismatch. */
export const POOR_OVERLAP_HOURS = 3;

export interface TierInput {
  role: Tier;
  path: Tier;
  /** Worst-week working-day overlap below POOR_OVERLAP_HOURS. */
  poorOverlap: boolean;
}

/** Highest fit level (a perfect role + path match with shared hours). */
export const MAX_LEVEL = 9;

/**
 * The fit level, 0..MAX_LEVEL; a higher level always ranks first.
 * - base = role tier + path tier (0..4);
 * - shared hours: with them, level 2·base + 1; a perfect base (same role, weighed path) with
 *   poor overlap keeps 2·base (below the same fit with shared hours, above anything less —
 *   "outweighed only by an otherwise perfect fit"); any other base with poor overlap falls a
 *   whole step, to 2·(base − 1), below every mentor of the next base down who has the hours.
 */
export function fitLevel(t: TierInput): number {
  const base = t.role + t.path;
  if (!t.poorOverlap) return 2 * base + 1;
  if (base === 4) return 2 * base;
  return Math.max(0, 2 * (base - 1));
}

/**
 * Partial mismatches: a closely-related-but-not-same role, a closely-related-but-not-weighed
 * path, poor shared hours. Two of them together keep a mentor out of the top 3 (issue 13).
 */
export function partialMismatches(
  t: TierInput,
  known: { role: boolean; path: boolean } = { role: true, path: true },
): number {
  // A tier 1 that only means "the asker did not say" (role "Other", no path weighed yet) is
  // not a mismatch.
  const role = known.role && t.role === 1 ? 1 : 0;
  const path = known.path && t.path === 1 ? 1 : 0;
  return role + path + (t.poorOverlap ? 1 : 0);
}

export const MAX_PARTIAL_FOR_TOP = 1;
export const PROTECTED_TOP = 3;

/**
 * Moves mentors with two or more partial mismatches out of the first PROTECTED_TOP places,
 * keeping every other relative order. They fill the top only when nobody else is left.
 */
export function protectTop<T>(sorted: readonly T[], flagged: (x: T) => boolean): T[] {
  const top: T[] = [];
  const held: T[] = [];
  const rest: T[] = [];
  for (const x of sorted) {
    if (top.length < PROTECTED_TOP) {
      if (flagged(x)) held.push(x);
      else top.push(x);
    } else rest.push(x);
  }
  // Fewer than PROTECTED_TOP unflagged: the held ones fill the gap, in order.
  while (top.length < PROTECTED_TOP && held.length > 0) top.push(held.shift()!);
  return [...top, ...held, ...rest];
}

/**
 * A match for Find a mentor's ranked section: the role AND the path are at least closely
 * related. "Same role, unrelated path" and "unrelated role, weighed path" are listed apart
 * as other mentors (issue 13, principle 7), never mixed into the matches.
 */
export function isMatch(t: { role: Tier; path: Tier }): boolean {
  return t.role >= 1 && t.path >= 1;
}
