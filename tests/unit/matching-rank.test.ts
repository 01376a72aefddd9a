import { describe, expect, it } from 'vitest';
import { article, skillsNamed } from '../../shared/matching/reasons';
import { exclusionOf, rankCandidates } from '../../shared/matching/score';
import type { AskerInput, MentorCandidate } from '../../shared/matching/types';
import { WEIGHTS } from '../../shared/matching/weights';

const NOW = new Date('2026-11-18T15:00:00Z');

const asker: AskerInput = {
  userId: 'asker',
  currentRole: 'Web developer at a small agency',
  roleFamily: 'frontend',
  yearsExperience: 8,
  companyType: 'agency',
  industries: ['marketing'],
  pathsWeighed: ['internal-transfer', 'consulting-pm', 'startup-eng-lead', 'founder'],
  constraints: 'My role offers no PM exposure',
  goals: '',
  timeZone: 'America/New_York',
  languages: ['en'],
  focus: ['choosing-path'],
};

function mentor(id: string, over: Partial<MentorCandidate> = {}): MentorCandidate {
  return {
    userId: id,
    handle: id,
    displayName: id,
    roleBefore: 'Web developer',
    roleBeforeFamily: 'frontend',
    roleNow: 'Product Manager',
    pathTaken: 'startup-eng-lead',
    switchYear: 2019,
    monthsToSwitch: 10,
    yearsBeforeSwitch: 6,
    companyTypeBefore: 'agency',
    companySizeBefore: '11-50',
    companyTypeAfter: 'startup',
    companySizeAfter: '51-200',
    industries: ['marketing'],
    skills: ['user interviews'],
    timeZone: 'Europe/London',
    languages: ['en'],
    focus: ['choosing-path'],
    capacity: 3,
    activeMentees: 2,
    lastActiveAt: new Date(NOW.getTime() - 86_400_000),
    responseHours: 10,
    impressionsToday: 0,
    textRank: 0.05,
    roleSimilarity: 0.8,
    ...over,
  };
}

const rank = (list: MentorCandidate[], extra: Partial<Parameters<typeof rankCandidates>[2]> = {}) =>
  rankCandidates(asker, list, { now: NOW, limit: 10, ...extra });

describe('hard filters', () => {
  it('never lists the asker, a blocked mentor, a paused or full one, or one with no shared language', () => {
    const list = [
      mentor('ok'),
      mentor('asker'),
      mentor('blocked'),
      mentor('paused', { capacity: 0, activeMentees: 0 }),
      mentor('full', { capacity: 2, activeMentees: 2 }),
      mentor('german-only', { languages: ['de'] }),
      mentor('brazilian', { languages: ['pt-BR', 'en'] }),
    ];
    const ids = rank(list, { blocked: new Set(['blocked']) }).map((r) => r.mentorId);
    expect(ids.sort()).toEqual(['brazilian', 'ok']);
    expect(exclusionOf(asker, list[1]!)).toBe('self');
    expect(exclusionOf(asker, list[3]!)).toBe('paused');
    expect(exclusionOf(asker, list[4]!)).toBe('full');
    expect(exclusionOf(asker, list[5]!)).toBe('no-shared-language');
  });

  it('does not filter by language when the asker gave none (no profile yet)', () => {
    const r = rankCandidates({ ...asker, languages: [] }, [mentor('de', { languages: ['de'] })], {
      now: NOW,
      limit: 5,
    });
    expect(r).toHaveLength(1);
  });

  it('applies the directory’s minimum overlap exactly', () => {
    const list = [mentor('london'), mentor('tokyo', { timeZone: 'Asia/Tokyo' })];
    expect(rank(list, { minOverlapHours: 2 }).map((r) => r.mentorId)).toEqual(['london']);
  });
});

describe('scores and explanations', () => {
  it('scores lie in [0, 1] and the factor contributions add up to the score', () => {
    for (const r of rank([mentor('a'), mentor('b', { impressionsToday: 20 })])) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      const sum = r.factors.reduce((s, x) => s + x.contribution, 0);
      expect(sum).toBeCloseTo(r.score, 2);
    }
  });

  it('writes reasons a person reads', () => {
    const [r] = rank([mentor('a', { capacity: 2, activeMentees: 1, timeZone: 'Europe/Lisbon' })]);
    expect(r!.reasons).toEqual(
      expect.arrayContaining([
        'Was a web developer at an agency for 6 years',
        'Switched via a startup engineering-lead role in 2019 (one of the paths you are weighing), which took 10 months',
        'Has room for 1 more mentee',
        'Usually answers within a day',
      ]),
    );
    // New York 09–18 vs Lisbon (UTC+0 in November) 09–18 → 4 h of overlap.
    expect(r!.reasons).toContain('4 h of working-day overlap with your time zone');
    expect(r!.overlapHours).toBe(4);
    expect(r!.openSeats).toBe(1);
  });

  it('keeps the capitalisation a person gave their title', () => {
    const [r] = rank([mentor('sre', { roleBefore: 'Site Reliability Engineer' })]);
    expect(r!.reasons.some((x) => x.startsWith('Was a Site Reliability Engineer'))).toBe(true);
  });

  it('names one- and two-letter skills as they were written, and only as whole words', () => {
    const m = mentor('fw', { skills: ['C', 'Go', 'RTOS'], textRank: 0.2 });
    const asked = rank([m], { questionText: 'Does knowing C and Go help with a hardware PM job?' });
    expect(asked[0]!.reasons).toContain('Knows what you asked about: C and Go');
    // "C" is in "PM", "Go" in "going": neither names the skill.
    const other = rank([m], { questionText: 'Is going from PM interviews to offers slow?' });
    expect(other[0]!.reasons.some((x) => x.startsWith('Knows what you asked about'))).toBe(false);
    expect(skillsNamed(['C++', 'node.js', 'R'], 'We use Node.js and C++ daily')).toEqual([
      'C++',
      'node.js',
    ]);
  });

  it('says so when working hours never meet', () => {
    const [r] = rank([mentor('far', { timeZone: 'Asia/Kolkata' })]);
    expect(r!.reasons).toContain(
      'No working hours in common with you, so expect written, async help',
    );
  });

  it('uses a/an by sound', () => {
    expect(article('iOS developer')).toBe('an');
    expect(article('SRE')).toBe('an');
    expect(article('UX engineer')).toBe('a');
    expect(article('web developer')).toBe('a');
    expect(article('engineering manager')).toBe('an');
  });

  it('prefers the closer story: same path and background beat a different path', () => {
    const ids = rank([
      mentor('other-path', {
        pathTaken: 'mba',
        roleBeforeFamily: 'data',
        companyTypeBefore: 'enterprise',
      }),
      mentor('same-story'),
    ]).map((r) => r.mentorId);
    expect(ids).toEqual(['same-story', 'other-path']);
  });

  it('prefers an active, responsive mentor among equals, and one with free seats', () => {
    const ids = rank([
      mentor('quiet', {
        lastActiveAt: new Date(NOW.getTime() - 100 * 86_400_000),
        responseHours: 150,
      }),
      mentor('nearly-full', { capacity: 5, activeMentees: 4 }),
      mentor('lively', { activeMentees: 0 }),
    ]).map((r) => r.mentorId);
    expect(ids[0]).toBe('lively');
    expect(ids.at(-1)).toBe('quiet');
  });

  it('is deterministic: equal scores are ordered by id', () => {
    expect(rank([mentor('b'), mentor('a')]).map((r) => r.mentorId)).toEqual(['a', 'b']);
  });
});

describe('exposure balance', () => {
  it('moves a mentor shown to many askers today down, and explains it', () => {
    const popular = mentor('popular', { activeMentees: 0, textRank: 0.08 });
    const fresh = mentor('fresh', { activeMentees: 0 });
    expect(rank([popular, fresh]).map((r) => r.mentorId)[0]).toBe('popular');
    const busy = { ...popular, impressionsToday: WEIGHTS.exposure.peopleToHalve };
    const after = rank([busy, fresh]);
    expect(after.map((r) => r.mentorId)[0]).toBe('fresh');
    const penalty = after
      .find((r) => r.mentorId === 'popular')!
      .factors.find((x) => x.id === 'exposure');
    expect(penalty!.contribution).toBeLessThan(0);
  });

  it('drops a mentor who reached today’s impression cap, unless exposure is off', () => {
    const capped = mentor('capped', { impressionsToday: WEIGHTS.exposure.maxImpressionsPerDay });
    expect(rank([capped])).toHaveLength(0);
    expect(rank([capped], { exposure: false })).toHaveLength(1);
  });
});
