/**
 * Role titles as people write them ("Sr FE dev", "Senior Front-End Engineer @ Acme") turned
 * into one spelling, so pg_trgm similarity compares what the titles mean.
 *
 * The SAME rules live in SQL as matching_normalize_role() (migration
 * 2026_11_25_160000_matching.ts; migrations may not import app code), and
 * tests/integration/matching-queries.test.ts checks that both give the same output.
 */
import type { RoleFamilyId } from '../taxonomy';

/** Word-level rewrites, applied after the phrase rewrites below. */
export const ROLE_WORDS: Readonly<Record<string, string>> = {
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  fe: 'frontend',
  be: 'backend',
  fs: 'fullstack',
  dev: 'engineer',
  devs: 'engineer',
  developer: 'engineer',
  programmer: 'engineer',
  coder: 'engineer',
  eng: 'engineer',
  engr: 'engineer',
  swe: 'software engineer',
  sde: 'software engineer',
  mgr: 'manager',
  em: 'engineering manager',
  sre: 'site reliability engineer',
  ml: 'machine learning',
  infra: 'infrastructure',
  pm: 'product manager',
  tpm: 'technical product manager',
  apm: 'associate product manager',
  js: 'javascript',
};

/** Lower-case, drop "(…)" and "at/@ Company", join split spellings, rewrite words. */
export function normalizeRole(role: string): string {
  const s = role
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/\s(at|@)\s.*$/, '')
    .replace(/front[\s-]end/g, 'frontend')
    .replace(/back[\s-]end/g, 'backend')
    .replace(/full[\s-]stack/g, 'fullstack');
  return s
    .split(/[^a-z0-9+#]+/)
    .filter((w) => w !== '')
    .map((w) => ROLE_WORDS[w] ?? w)
    .join(' ');
}

/**
 * Role closeness is a TIER (issue 13): 2 same family, 1 closely related, 0 unrelated. The
 * ranking compares tiers first (shared/matching/tiers.ts); nothing else can lift an unrelated
 * role above a related one.
 *
 * The related pairs are narrow on purpose: each is a pair whose daily work carries over to
 * the other's switch story, and the reason is written beside it. Everything else is
 * unrelated — QA, support, embedded, games and engineering managers are related to no other
 * family, because their route into product is a different story:
 * - QA / test: their leverage is quality process and release risk, not building the product
 *   UI or API, so a frontend or backend engineer's switch story does not carry over;
 * - engineering lead / manager: a manager's switch is about giving up a team and a career
 *   ladder, not about which code they wrote, so they are no closer to one IC family than to
 *   another;
 * - support, embedded, games: their customers, release cycles and industries differ.
 */
export const RELATED_ROLES: ReadonlyArray<
  readonly [a: RoleFamilyId, b: RoleFamilyId, closeness: number, why: string]
> = [
  ['web-agency', 'frontend', 0.5, 'same craft (browser UI), different setting'],
  ['web-agency', 'fullstack', 0.5, 'small-team web generalists'],
  ['frontend', 'fullstack', 0.6, 'both ship the product UI'],
  ['frontend', 'mobile', 0.4, 'both build the client app a user touches daily'],
  ['backend', 'fullstack', 0.6, 'the server half of the same job'],
  ['backend', 'platform', 0.5, 'the same systems, serving users or engineers'],
  ['platform', 'security', 0.4, 'both run shared infrastructure for internal customers'],
  ['data', 'ml', 0.5, 'the same data, measurement and modelling work'],
];

export type Tier = 0 | 1 | 2;

export function roleFamilyCloseness(a: RoleFamilyId, b: RoleFamilyId): number {
  if (a === b) return a === 'other' ? 0.3 : 1;
  for (const [x, y, v] of RELATED_ROLES) if ((x === a && y === b) || (x === b && y === a)) return v;
  return 0;
}

/** pg_trgm similarity of normalised titles at which "Other" roles count as the same role. */
export const SAME_TITLE_SIMILARITY = 0.6;

/**
 * 2 same family, 1 closely related, 0 unrelated. "Other" says nothing about the work, so
 * there the titles decide (pg_trgm similarity of the normalised titles, when known): nearly
 * the same title is the same role; an asker who picked "Other" is otherwise tier 1 with
 * everyone (we cannot tell, so path and the rest decide), a mentor who did is unrelated.
 */
export function roleTier(asker: RoleFamilyId, mentor: RoleFamilyId, titleSimilarity = 0): Tier {
  if (asker === 'other' || mentor === 'other') {
    if (titleSimilarity >= SAME_TITLE_SIMILARITY) return 2;
    return asker === 'other' ? 1 : 0;
  }
  if (asker === mentor) return 2;
  return roleFamilyCloseness(asker, mentor) > 0 ? 1 : 0;
}

/** The families closely related to `family` (tier 1), for the Postgres prefilter. */
export function relatedRoleFamilies(family: RoleFamilyId): RoleFamilyId[] {
  const out: RoleFamilyId[] = [];
  for (const [x, y] of RELATED_ROLES) {
    if (x === family) out.push(y);
    else if (y === family) out.push(x);
  }
  return out;
}
