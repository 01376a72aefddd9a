import { describe, expect, it } from 'vitest';
import * as f from '../../shared/matching/factors';
import { normalizeRole, roleFamilyCloseness } from '../../shared/matching/roles';
import { pathTier } from '../../shared/matching/tiers';
import { WEIGHTS } from '../../shared/matching/weights';

const NOW = new Date('2026-11-18T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe('role titles', () => {
  it('reads "Sr FE dev" and "Senior Front-End Engineer @ Acme" as the same role', () => {
    expect(normalizeRole('Sr FE dev')).toBe('senior frontend engineer');
    expect(normalizeRole('Senior Front-End Engineer @ Acme')).toBe('senior frontend engineer');
    expect(normalizeRole('Web developer at a small agency')).toBe('web engineer');
    expect(normalizeRole('Full stack developer (contract)')).toBe('fullstack engineer');
  });

  it('scores role families: same 1, adjacent partly, unrelated 0', () => {
    expect(roleFamilyCloseness('frontend', 'frontend')).toBe(1);
    expect(roleFamilyCloseness('fullstack', 'frontend')).toBeGreaterThan(0.4);
    expect(roleFamilyCloseness('qa', 'data')).toBe(0);
    const sameFamilyDifferentTitle = f.roleFactor('frontend', 'frontend', 0.2, WEIGHTS);
    const otherFamilySameTitle = f.roleFactor('frontend', 'support', 1, WEIGHTS);
    expect(sameFamilyDifferentTitle).toBeGreaterThan(otherFamilySameTitle);
  });
});

describe('path taken vs paths weighed (a tier)', () => {
  it('is 2 for a weighed path, 1 for a closely related one, 0 otherwise, 1 when none given', () => {
    expect(pathTier(['startup-eng-lead', 'founder'], 'founder')).toBe(2);
    expect(pathTier(['internal-transfer'], 'technical-pm')).toBe(1);
    expect(pathTier(['consulting-pm'], 'apm-program')).toBe(0);
    expect(pathTier(['apm-program'], 'internal-transfer')).toBe(0);
    expect(pathTier([], 'mba')).toBe(1);
  });
});

describe('company, industry, experience, stage', () => {
  it('company type: same 1, similar partly, size refines it', () => {
    expect(f.companyFactor('agency', null, 'agency', '11-50')).toBe(1);
    expect(f.companyFactor('agency', null, 'consultancy', '11-50')).toBe(0.6);
    expect(f.companyFactor('agency', null, 'public-sector', '11-50')).toBe(0);
    expect(f.companyFactor('agency', '1-10', 'agency', '1-10')).toBe(1);
    expect(f.companyFactor('agency', '1-10', 'agency', '5000+')).toBeCloseTo(0.7);
  });

  it('industries: none shared 0, one 0.75, two 1, unknown neutral', () => {
    expect(f.industryFactor(['fintech'], ['health'])).toBe(0);
    expect(f.industryFactor(['fintech', 'banking'], ['banking'])).toBe(0.75);
    expect(f.industryFactor(['fintech', 'banking'], ['banking', 'fintech'])).toBe(1);
    expect(f.industryFactor([], ['banking'])).toBe(0.5);
  });

  it('experience before the switch close to the asker’s years scores higher', () => {
    expect(f.experienceFactor(8, 8, WEIGHTS)).toBe(1);
    expect(f.experienceFactor(8, 6, WEIGHTS)).toBeGreaterThan(f.experienceFactor(8, 2, WEIGHTS));
    expect(f.experienceFactor(8, 30, WEIGHTS)).toBe(0);
    expect(f.experienceFactor(8, null, WEIGHTS)).toBe(0.5);
  });

  it('reciprocity: the stage the mentor wants to help with, neighbours partly', () => {
    expect(f.reciprocityFactor(['interviewing'], ['interviewing', 'first-90-days'])).toBe(1);
    expect(f.reciprocityFactor(['interviewing'], ['building-evidence'])).toBe(0.4);
    expect(f.reciprocityFactor(['exploring'], ['first-90-days'])).toBe(0);
    expect(f.reciprocityFactor(['exploring', 'interviewing'], ['exploring'])).toBe(0.5);
  });
});

describe('logistics', () => {
  it('shares a language by primary subtag (pt-BR and pt-PT), case-insensitively', () => {
    expect(f.sharesLanguage(['pt-BR'], ['pt-PT', 'es'])).toBe(true);
    expect(f.sharesLanguage(['EN'], ['en'])).toBe(true);
    expect(f.sharesLanguage(['ja'], ['ko', 'en'])).toBe(false);
  });

  it('overlap saturates at overlapFullHours', () => {
    expect(f.overlapFactor(0, WEIGHTS)).toBe(0);
    expect(f.overlapFactor(WEIGHTS.overlapFullHours / 2, WEIGHTS)).toBe(0.5);
    expect(f.overlapFactor(9, WEIGHTS)).toBe(1);
  });

  it('capacity: a soft penalty as a mentor fills up, 0 when paused', () => {
    expect(f.capacityFactor(3, 0)).toBe(1);
    expect(f.capacityFactor(3, 1)).toBeGreaterThan(f.capacityFactor(3, 2));
    expect(f.capacityFactor(3, 2)).toBeGreaterThan(0);
    expect(f.capacityFactor(0, 0)).toBe(0);
  });
});

describe('health', () => {
  it('rewards recent activity and quick answers; unknown history is in the middle', () => {
    const fresh = f.healthFactor(daysAgo(1), 6, NOW, WEIGHTS);
    const stale = f.healthFactor(daysAgo(120), 150, NOW, WEIGHTS);
    const unknown = f.healthFactor(null, null, NOW, WEIGHTS);
    expect(fresh).toBe(1);
    expect(stale).toBeLessThan(0.2);
    expect(unknown).toBe(WEIGHTS.health.unknown);
    expect(f.healthFactor(daysAgo(1), 72, NOW, WEIGHTS)).toBeLessThan(fresh);
  });
});

describe('text relevance and exposure', () => {
  it('text saturates: 0 without a match, 0.5 at textHalfRank, below 1 always', () => {
    expect(f.textFactor(0, WEIGHTS)).toBe(0);
    expect(f.textFactor(WEIGHTS.textHalfRank, WEIGHTS)).toBe(0.5);
    expect(f.textFactor(10, WEIGHTS)).toBeLessThan(1);
  });

  it('exposure share grows with the people who saw the card today and the current mentees, whatever the seats, never takes the whole score, and caps the day', () => {
    const e = WEIGHTS.exposure;
    expect(f.exposureShare(0, 0, WEIGHTS)).toBe(0);
    expect(f.exposureShare(e.peopleToHalve, 0, WEIGHTS)).toBe(0.5);
    expect(f.exposureShare(0, e.peopleToHalve / e.peoplePerMentee, WEIGHTS)).toBeCloseTo(0.5);
    // It keeps growing (no saturation: the more-seen of two always yields) but stays below 1.
    expect(f.exposureShare(50, 0, WEIGHTS)).toBeGreaterThan(f.exposureShare(20, 0, WEIGHTS));
    expect(f.exposureShare(e.maxImpressionsPerDay - 1, 4, WEIGHTS)).toBeLessThan(1);
    expect(f.exposureShare(2, 1, WEIGHTS)).toBeGreaterThan(f.exposureShare(2, 0, WEIGHTS));
    expect(f.exposureShare(e.maxImpressionsPerDay, 0, WEIGHTS)).toBe(Infinity);
  });

  it('the documented weights add up to 1', () => {
    const total = Object.values(WEIGHTS.factors).reduce((s, x) => s + x, 0);
    expect(total).toBeCloseTo(1, 6);
  });
});
