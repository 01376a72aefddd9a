/**
 * Issue 13's principles, one block each; every test fails when its principle is broken
 * (e.g. role/path back as additive weights, inactive mentors ranked, the current week's
 * overlap instead of the worst one, the text factor inert).
 */
import { describe, expect, it } from 'vitest';
import { WEIGHTS } from '../../shared/matching/weights';
import { rankCandidates, rankSections } from '../../shared/matching/score';
import { relatedRoleFamilies, roleTier } from '../../shared/matching/roles';
import { fitLevel, isMatch, pathTier, protectTop } from '../../shared/matching/tiers';
import { yearOverlapWith } from '../../shared/matching/timezone';
import type { AskerInput, MentorCandidate } from '../../shared/matching/types';

const NOW = new Date('2026-07-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

const asker: AskerInput = {
  userId: 'asker',
  currentRole: 'Frontend engineer',
  roleFamily: 'frontend',
  yearsExperience: 8,
  companyType: 'scale-up',
  industries: ['fintech'],
  pathsWeighed: ['internal-transfer'],
  constraints: '',
  goals: '',
  timeZone: 'Europe/Berlin',
  languages: ['en'],
  focus: ['choosing-path'],
};

/** A mentor who fits in every within-tier respect; `worst` undoes all of that. */
function mentor(id: string, over: Partial<MentorCandidate> = {}): MentorCandidate {
  return {
    userId: id,
    handle: id,
    displayName: id,
    roleBefore: 'Frontend engineer',
    roleBeforeFamily: 'frontend',
    roleNow: 'Product Manager',
    pathTaken: 'internal-transfer',
    switchYear: 2021,
    monthsToSwitch: 8,
    yearsBeforeSwitch: 8,
    companyTypeBefore: 'scale-up',
    companySizeBefore: '201-1000',
    companyTypeAfter: 'scale-up',
    companySizeAfter: '201-1000',
    industries: ['fintech'],
    skills: ['roadmaps'],
    timeZone: 'Europe/Paris',
    languages: ['en'],
    focus: ['choosing-path'],
    capacity: 3,
    activeMentees: 0,
    lastActiveAt: daysAgo(1),
    responseHours: 6,
    impressionsToday: 0,
    textRank: 0.3,
    roleSimilarity: 1,
    ...over,
  };
}

const worst: Partial<MentorCandidate> = {
  yearsBeforeSwitch: 30,
  companyTypeBefore: 'public-sector',
  companySizeBefore: '5000+',
  industries: ['games'],
  focus: ['first-90-days'],
  capacity: 5,
  activeMentees: 4,
  responseHours: 200,
  lastActiveAt: daysAgo(40),
  textRank: 0,
  roleSimilarity: 0,
};

const rank = (list: MentorCandidate[], a: AskerInput = asker) =>
  rankCandidates(a, list, { now: NOW, limit: 20, exposure: false }).map((r) => r.mentorId);

describe('1. the switch decides: role and path are tiers, the rest breaks ties', () => {
  it('a same-role mentor on a weighed path beats any tie-breaker of a lesser tier', () => {
    const ids = rank([
      mentor('unrelated-role-perfect-rest', { roleBeforeFamily: 'data', roleBefore: 'Analyst' }),
      mentor('same-switch-nothing-else', worst),
    ]);
    expect(ids).toEqual(['same-switch-nothing-else', 'unrelated-role-perfect-rest']);
  });

  it('"my role on an adjacent path" beats "an unrelated role on a path I weigh"', () => {
    const ids = rank([
      mentor('unrelated-role-weighed-path', { roleBeforeFamily: 'qa', roleBefore: 'QA engineer' }),
      mentor('my-role-adjacent-path', { ...worst, pathTaken: 'technical-pm' }),
    ]);
    expect(ids[0]).toBe('my-role-adjacent-path');
  });

  it('the related-role table is narrow: no manager-to-everything, QA is not frontend/backend', () => {
    expect(roleTier('frontend', 'fullstack')).toBe(1);
    expect(roleTier('frontend', 'lead')).toBe(0);
    expect(roleTier('lead', 'backend')).toBe(0);
    expect(roleTier('qa', 'frontend')).toBe(0);
    expect(roleTier('qa', 'backend')).toBe(0);
    expect(relatedRoleFamilies('lead')).toEqual([]);
    expect(relatedRoleFamilies('qa')).toEqual([]);
    expect(pathTier(['internal-transfer'], 'technical-pm')).toBe(1);
    expect(pathTier(['consulting-pm'], 'mba')).toBe(0);
  });
});

describe('2. a mentor who is not there is not a match', () => {
  it('four months without activity: not ranked at all', () => {
    expect(rank([mentor('gone', { lastActiveAt: daysAgo(125) }), mentor('here')])).toEqual([
      'here',
    ]);
  });

  it('two to four months: below every active mentor of the same tier, but not below a lesser tier', () => {
    const ids = rank([
      mentor('quiet-perfect', { lastActiveAt: daysAgo(75) }),
      mentor('active-worst', worst),
      mentor('active-lesser-tier', { roleBeforeFamily: 'data' }),
    ]);
    expect(ids).toEqual(['active-worst', 'quiet-perfect', 'active-lesser-tier']);
  });

  it('reasons say how recently they were active and how fast they usually answer', () => {
    const [quiet] = rankCandidates(
      asker,
      [mentor('q', { lastActiveAt: daysAgo(75), responseHours: 100 })],
      { now: NOW, limit: 1 },
    );
    expect(quiet!.activity).toBe('quiet');
    expect(quiet!.reasons).toContain('Quiet lately: last active 3 months ago');
    expect(quiet!.reasons).toContain('Usually takes about 4 days to answer');
    const [fresh] = rankCandidates(asker, [mentor('f', { responseHours: null })], {
      now: NOW,
      limit: 1,
    });
    expect(fresh!.reasons).toContain('Active in the last day');
    expect(fresh!.reasons).toContain('No answers yet to show how fast they reply');
  });
});

describe('3. live mentoring needs shared hours, in every week of the year', () => {
  it('takes the worst week across both people’s DST changes, not the current one', () => {
    // July: Sydney (+10) and Dubai (+4) are 6 h apart → 3 h; in the southern summer Sydney
    // is +11 → 2 h. Kolkata vs London: 4.5 h in July (BST), 3.5 h in winter.
    const sydney = yearOverlapWith('Australia/Sydney', NOW);
    expect(sydney('Asia/Dubai')).toEqual({ current: 3, worst: 2 });
    expect(yearOverlapWith('Asia/Kolkata', NOW)('Europe/London')).toEqual({
      current: 4.5,
      worst: 3.5,
    });
    // New York vs Berlin: 3 h most of the year, 4 h in the weeks between the clock changes.
    const ny = yearOverlapWith('America/New_York', new Date('2026-03-18T12:00:00Z'));
    expect(ny('Europe/Berlin')).toEqual({ current: 4, worst: 3 });
  });

  it('poor overlap is outweighed only by an otherwise perfect fit', () => {
    const poor = { poorOverlap: true } as const;
    const ok = { poorOverlap: false } as const;
    expect(fitLevel({ role: 2, path: 2, ...poor })).toBeGreaterThan(
      fitLevel({ role: 2, path: 1, ...ok }),
    );
    expect(fitLevel({ role: 2, path: 2, ...poor })).toBeLessThan(
      fitLevel({ role: 2, path: 2, ...ok }),
    );
    expect(fitLevel({ role: 2, path: 1, ...poor })).toBeLessThan(
      fitLevel({ role: 2, path: 0, ...ok }),
    );
    const sydneyAsker = { ...asker, timeZone: 'Australia/Sydney' };
    const ids = rank(
      [
        mentor('perfect-far', { timeZone: 'Asia/Dubai' }),
        mentor('adjacent-path-near', { pathTaken: 'technical-pm', timeZone: 'Asia/Tokyo' }),
      ],
      sydneyAsker,
    );
    expect(ids[0]).toBe('perfect-far');
  });

  it('two partial mismatches (related role and poor overlap) drop a mentor out of the top 3', () => {
    const sydneyAsker = { ...asker, timeZone: 'Australia/Sydney' };
    const near = { timeZone: 'Australia/Melbourne' };
    const ids = rank(
      [
        // Related role, weighed path, 2 h in the worst week (3 h this week): two partials.
        mentor('related-far', { roleBeforeFamily: 'fullstack', timeZone: 'Asia/Dubai' }),
        // Related role AND related path, good hours: two partials as well.
        mentor('related-related', { roleBeforeFamily: 'mobile', pathTaken: 'technical-pm' }),
        mentor('same-role-other-path-1', { ...worst, ...near, pathTaken: 'mba' }),
        mentor('same-role-other-path-2', { ...worst, ...near, pathTaken: 'founder' }),
        mentor('same-role-other-path-3', { ...worst, ...near, pathTaken: 'apm-program' }),
      ],
      sydneyAsker,
    );
    expect(ids.slice(0, 3).sort()).toEqual([
      'same-role-other-path-1',
      'same-role-other-path-2',
      'same-role-other-path-3',
    ]);
    // …and only when someone else can take the place.
    expect(protectTop(['a', 'b'], (x) => x === 'a')).toEqual(['b', 'a']);
    expect(protectTop(['a', 'b', 'c', 'd'], (x) => x === 'a')).toEqual(['b', 'c', 'd', 'a']);
  });
});

describe('4. the question matters inside a tier', () => {
  it('the story that speaks to the question beats a closer company and industry', () => {
    const ids = rank([
      mentor('same-company-silent-story', { textRank: 0 }),
      mentor('story-about-the-question', {
        textRank: 0.3,
        companyTypeBefore: 'enterprise',
        industries: ['health'],
      }),
    ]);
    expect(ids[0]).toBe('story-about-the-question');
  });

  it('but never lifts a mentor over a better tier', () => {
    const ids = rank([
      mentor('lesser-tier-perfect-story', { textRank: 5, pathTaken: 'mba' }),
      mentor('same-switch-silent-story', { textRank: 0 }),
    ]);
    expect(ids[0]).toBe('same-switch-silent-story');
  });
});

describe('5. exposure balancing reorders only within a tier', () => {
  it('a mentor shown to many askers today stays above a lesser tier', () => {
    const list = [
      mentor('popular', { impressionsToday: 50 }),
      mentor('lesser', { roleBeforeFamily: 'data' }),
    ];
    const ids = rankCandidates(asker, list, { now: NOW, limit: 5 }).map((r) => r.mentorId);
    expect(ids).toEqual(['popular', 'lesser']);
    const twin = rankCandidates(asker, [list[0]!, mentor('twin')], { now: NOW, limit: 5 });
    expect(twin.map((r) => r.mentorId)).toEqual(['twin', 'popular']);
  });

  it('counts people who saw the card, not open seats: four seats do not buy four times the attention', () => {
    const seen = WEIGHTS.exposure.peopleToHalve;
    const penaltyOf = (capacity: number) =>
      rankCandidates(asker, [mentor('m', { capacity, activeMentees: 0, impressionsToday: seen })], {
        now: NOW,
        limit: 1,
      })[0]!.factors.find((x) => x.id === 'exposure')!.contribution;
    expect(penaltyOf(4)).toBeLessThan(0);
    expect(penaltyOf(4)).toBe(penaltyOf(1));
  });

  it('counts the mentees a mentor already has: of two mentors seen by as many people, the one with none comes first', () => {
    const seen = WEIGHTS.exposure.peopleToHalve;
    // The busy one's story speaks to the question better, so without the re-rank it leads.
    const busy = mentor('a-busy', { capacity: 4, activeMentees: 2, impressionsToday: seen });
    const free = mentor('b-free', {
      capacity: 4,
      activeMentees: 0,
      impressionsToday: seen,
      textRank: 0.05,
    });
    const ids = (list: MentorCandidate[], exposure = true) =>
      rankCandidates(asker, list, { now: NOW, limit: 5, exposure }).map((r) => r.mentorId);
    expect(ids([busy, free], false)[0]).toBe('a-busy');
    expect(ids([busy, free])).toEqual(['b-free', 'a-busy']);
    // …and never above a lesser tier, however busy.
    const lesser = mentor('c-lesser', { roleBeforeFamily: 'data' });
    expect(ids([{ ...busy, impressionsToday: 59 }, lesser])).toEqual(['a-busy', 'c-lesser']);
  });
});

describe('7. a ranked list a person sees is honest', () => {
  // Same role on a path Maya does not weigh: a strong fit by level, but not a match.
  const sameRoleOtherPath = (id: string) => mentor(id, { pathTaken: 'mba' });
  const list = [
    mentor('match-a'),
    sameRoleOtherPath('other-a'),
    sameRoleOtherPath('other-b'),
    mentor('match-b', { pathTaken: 'technical-pm', textRank: 0 }),
    mentor('unrelated', { roleBeforeFamily: 'data', roleBefore: 'Analyst', pathTaken: 'mba' }),
  ];
  const sections = rankSections(asker, list, { now: NOW, limit: 3, exposure: false });
  const ids = (xs: { mentorId: string }[]) => xs.map((x) => x.mentorId);

  it('lists only matches, fewer than the limit when fewer match, never padded', () => {
    expect(ids(sections.matches)).toEqual(['match-a', 'match-b']);
    expect(sections.matches.every((m) => isMatch(m.tier))).toBe(true);
  });

  it('keeps the other mentors apart, in the engine’s order, and the matches in its order too', () => {
    expect(ids(sections.others)).toEqual(['other-a', 'other-b', 'unrelated']);
    const full = rank(list);
    // The whole order's top 3 is what the panel used to show: padded with a non-match.
    expect(full.slice(0, 3)).toEqual(['match-a', 'match-b', 'other-a']);
    expect(full.filter((id) => id.startsWith('match'))).toEqual(ids(sections.matches));
  });
});
