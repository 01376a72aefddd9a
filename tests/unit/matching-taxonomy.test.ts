import { describe, expect, it } from 'vitest';
import { guessRoleFamily, mentorProfileInput } from '../../shared/api/profiles';
import { roleFamilyCloseness } from '../../shared/matching/roles';
import { careerPathIds } from '../../shared/taxonomy';

describe('role families people actually come from (issue 13)', () => {
  it('guesses the new families from the titles people write', () => {
    expect(guessRoleFamily('Firmware engineer')).toBe('embedded');
    expect(guessRoleFamily('Web developer at an agency')).toBe('web-agency');
    expect(guessRoleFamily('Frontend web developer')).toBe('frontend');
    expect(guessRoleFamily('Machine learning engineer')).toBe('ml');
    expect(guessRoleFamily('Data analyst')).toBe('data');
    expect(guessRoleFamily('Application security engineer')).toBe('security');
    expect(guessRoleFamily('Gameplay programmer')).toBe('games');
  });

  it('has a path for product-adjacent bridge moves', () => {
    expect(careerPathIds).toContain('product-adjacent');
  });
});

describe('the related-role table is narrow', () => {
  it('relates only pairs whose work carries over', () => {
    expect(roleFamilyCloseness('web-agency', 'frontend')).toBeGreaterThan(0);
    expect(roleFamilyCloseness('data', 'ml')).toBeGreaterThan(0);
    // A manager is not partly related to every family; QA is not related to product IC work.
    for (const f of ['frontend', 'backend', 'fullstack', 'platform', 'mobile', 'data'] as const) {
      expect(roleFamilyCloseness('lead', f)).toBe(0);
      expect(roleFamilyCloseness('qa', f)).toBe(0);
    }
    expect(roleFamilyCloseness('support', 'fullstack')).toBe(0);
  });
});

describe('small things people type', () => {
  it('accepts one- and two-letter skills and keeps how they are written', () => {
    const skills = mentorProfileInput.shape.skills.parse(['C', 'R', ' Go ', 'Incident  Reviews']);
    expect(skills).toEqual(['C', 'R', 'Go', 'Incident Reviews']);
    expect(mentorProfileInput.shape.skills.safeParse(['']).success).toBe(false);
    // The same skill in another case is the same skill.
    expect(mentorProfileInput.shape.skills.safeParse(['Go', 'go']).success).toBe(false);
  });
});
