/** The independent labelled set (tests/fixtures/matching/independent/RUBRIC.md) stays frozen. */
import { describe, expect, it } from 'vitest';
import { independentAskers } from '../fixtures/matching/independent/askers';
import {
  indepHoldout,
  indepTune,
  independentMentors,
  mustNotOf,
} from '../fixtures/matching/independent/index';
import { labelAsker, worstWeekOverlapHours } from '../fixtures/matching/independent/label';
import { independentLabels } from '../fixtures/matching/independent/labels';
import { attainablePrecisionAt, meanQuality } from '../fixtures/matching/metrics';

describe('independent matching set', () => {
  it('has ≥ 60 mentors and ≥ 30 askers, split by odd and even number', () => {
    expect(independentMentors.length).toBeGreaterThanOrEqual(60);
    expect(independentAskers.length).toBeGreaterThanOrEqual(30);
    expect(indepTune.every((a) => Number(a.key.slice(1)) % 2 === 1)).toBe(true);
    expect(indepHoldout.every((a) => Number(a.key.slice(1)) % 2 === 0)).toBe(true);
  });

  it('labels.ts is exactly what the rubric gives (nobody edited a label by hand)', () => {
    for (const a of independentAskers) {
      const judged = labelAsker(a);
      const frozen = independentLabels[a.key]!;
      const graded = [...judged]
        .filter(([, j]) => j.grade === 1 || j.grade === 2)
        .map(([k, j]) => [k, j.grade]);
      expect(frozen.graded.map((l) => [l.mentor, l.grade])).toEqual(graded);
      const mustNot = [...judged].filter(([, j]) => j.grade === 'must-not').map(([k]) => k);
      expect([...mustNotOf(a.key)]).toEqual(mustNot);
      expect(frozen.graded.some((l) => l.grade === 2)).toBe(true);
    }
  });

  it('samples the worst week across both DST changes', () => {
    // London–New York: 4 h most of the year, 5 h in the weeks their clocks change apart.
    expect(worstWeekOverlapHours('Europe/London', 'America/New_York')).toBe(4);
    expect(worstWeekOverlapHours('Europe/London', 'Europe/London')).toBe(9);
    expect(worstWeekOverlapHours('America/Los_Angeles', 'Asia/Tokyo')).toBeLessThan(3);
  });
});

describe('precision@3 out of what the labels allow', () => {
  it('is 1 when the only labelled match is in the top 3, and plain precision is 1/3', () => {
    expect(attainablePrecisionAt([0, 2, 0], [2], 3)).toBe(1);
    expect(attainablePrecisionAt([0, 0, 0, 2], [2], 3)).toBe(0);
    expect(attainablePrecisionAt([2, 1, 0], [2, 1, 1, 1], 3)).toBeCloseTo(2 / 3);
    const q = meanQuality([{ grades: [0, 2, 0], labels: [2] }]);
    expect(q.precisionAt3).toBeCloseTo(1 / 3);
    expect(q.p3Ceiling).toBeCloseTo(1 / 3);
  });
});
