import { describe, expect, it } from 'vitest';
import { mentorProfileInput, askerProfileInput } from '../../shared/api/profiles';
import {
  askers,
  checkFixtures,
  holdoutAskers,
  mentors,
  tuneAskers,
} from '../fixtures/matching/index';
import {
  gini,
  meanQuality,
  ndcgAt,
  precisionAt,
  reciprocalRank,
} from '../fixtures/matching/metrics';

describe('labelled matching fixtures', () => {
  it('has ≥ 30 askers, ≥ 80 mentors and a held-out third', () => {
    expect(askers.length).toBeGreaterThanOrEqual(30);
    expect(mentors.length).toBeGreaterThanOrEqual(80);
    expect(holdoutAskers.length).toBe(Math.floor(askers.length / 3));
    expect(tuneAskers.length + holdoutAskers.length).toBe(askers.length);
  });

  it('labels only reachable mentors, each once, with at least one great match per asker', () => {
    expect(checkFixtures()).toEqual([]);
    for (const a of askers) for (const l of a.labels) expect(l.why.length).toBeGreaterThan(10);
  });

  it('are valid profiles by the same schemas the API uses', () => {
    for (const m of mentors) {
      const r = mentorProfileInput.safeParse({
        headline: m.headline,
        roleBefore: m.roleBefore,
        roleNow: m.roleNow,
        pathTaken: m.path,
        switchYear: m.year,
        monthsToSwitch: m.months,
        companyTypeBefore: m.before[0],
        companySizeBefore: m.before[1],
        companyTypeAfter: m.after[0],
        companySizeAfter: m.after[1],
        industries: m.industries,
        skills: m.skills,
        timeZone: m.tz,
        languages: m.langs,
        story: m.story,
        whatHelped: m.helped,
        focus: m.focus,
        capacity: m.capacity,
        notifyMatchingQuestions: true,
      });
      expect(r.success, `${m.key}: ${r.error?.message}`).toBe(true);
    }
    for (const a of askers) {
      const r = askerProfileInput.safeParse({
        currentRole: a.role,
        yearsOfExperience: a.years,
        companyType: a.company,
        industries: a.industries,
        pathsWeighed: a.paths,
        constraints: a.constraints,
        timeZone: a.tz,
        languages: a.langs,
        focus: a.focus,
        goals: a.goals,
      });
      expect(r.success, `${a.key}: ${r.error?.message}`).toBe(true);
    }
  });
});

describe('ranking metrics', () => {
  it('precision@k counts labelled results in the top k', () => {
    expect(precisionAt([2, 0, 1, 1], 3)).toBeCloseTo(2 / 3);
    expect(precisionAt([0], 3)).toBe(0);
  });

  it('nDCG is 1 for the ideal order and lower otherwise', () => {
    expect(ndcgAt([2, 1, 0], [2, 1], 5)).toBe(1);
    expect(ndcgAt([1, 2], [2, 1], 5)).toBeLessThan(1);
    expect(ndcgAt([0, 0], [2], 5)).toBe(0);
  });

  it('MRR is 1 / rank of the first labelled result', () => {
    expect(reciprocalRank([0, 0, 1])).toBeCloseTo(1 / 3);
    expect(reciprocalRank([0, 0])).toBe(0);
    expect(meanQuality([{ grades: [2], labels: [2] }]).mrr).toBe(1);
  });

  it('Gini is 0 for an even load and near 1 when one mentor takes everyone', () => {
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([0, 0, 0, 12])).toBeCloseTo(0.75);
    expect(gini([])).toBe(0);
  });
});
