/**
 * Career paths, aggregated from mentors' switch stories. Every path is under /api.
 *
 *   GET /paths            -> PathSummary[] (every path of the taxonomy, even with no mentors yet)
 *   GET /paths/:pathId    -> PathDetail (404 names the known paths)
 *
 * Client pages: /paths and /paths/:pathId; thread tags and profiles link to them through
 * `pathForTag` and `pathHref`.
 */
import { careerPaths, type CareerPathId } from '../taxonomy';

export interface PathSummary {
  id: CareerPathId;
  label: string;
  mentorCount: number;
  medianMonths: number | null;
}

export interface CountOf {
  id: string;
  label: string;
  count: number;
}

export interface MonthsBucket {
  label: string;
  /** Inclusive lower and upper bounds in months; max null = open-ended. */
  min: number;
  max: number | null;
  count: number;
}

export interface PathStory {
  handle: string;
  displayName: string;
  roleBefore: string;
  roleNow: string;
  switchYear: number;
  monthsToSwitch: number;
  whatHelped: string;
}

export interface PathDetail extends PathSummary {
  months: { p25: number | null; p75: number | null; buckets: MonthsBucket[] };
  rolesBefore: CountOf[];
  companyTypesBefore: CountOf[];
  medianYearsBefore: number | null;
  /** What mentors who took this path say helped, most recently active first. */
  whatHelped: PathStory[];
  /** Tags whose questions are about this path. */
  tags: string[];
}

/** Months-to-switch buckets for the chart. */
export const monthsBuckets: ReadonlyArray<Omit<MonthsBucket, 'count'>> = [
  { label: '0–3 months', min: 0, max: 3 },
  { label: '4–6 months', min: 4, max: 6 },
  { label: '7–12 months', min: 7, max: 12 },
  { label: '13–24 months', min: 13, max: 24 },
  { label: 'More than 2 years', min: 25, max: null },
];

/** Forum tags that are about one path (the starter tags and the path ids themselves). */
const TAG_TO_PATH: Record<string, CareerPathId> = {
  'internal-transfer': 'internal-transfer',
  'apm-programs': 'apm-program',
  'apm-program': 'apm-program',
  consulting: 'consulting-pm',
  'consulting-pm': 'consulting-pm',
  'startup-eng-lead': 'startup-eng-lead',
  founders: 'founder',
  founder: 'founder',
  'technical-pm': 'technical-pm',
  mba: 'mba',
};

export function pathForTag(tag: string): CareerPathId | null {
  return TAG_TO_PATH[tag.toLowerCase()] ?? null;
}

export function tagsForPath(id: CareerPathId): string[] {
  return Object.entries(TAG_TO_PATH)
    .filter(([tag, p]) => p === id && tag !== id)
    .map(([tag]) => tag);
}

export const pathHref = (id: string) => `/paths/${encodeURIComponent(id)}`;

export function isPathId(id: string): id is CareerPathId {
  return careerPaths.some((p) => p.id === id);
}
