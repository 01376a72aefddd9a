import {
  monthsBuckets,
  tagsForPath,
  type PathDetail,
  type PathSummary,
} from '../../shared/api/paths';
import { careerPaths, companyTypes, roleFamilies, type CareerPathId } from '../../shared/taxonomy';
import type { pathAggregate } from './queries';

const round1 = (x: number | null) => (x === null ? null : Math.round(Number(x) * 10) / 10);
const labelOf = (list: ReadonlyArray<{ id: string; label: string }>, id: string) =>
  list.find((x) => x.id === id)?.label ?? id;

export function presentSummary(
  id: CareerPathId,
  counts: Map<string, { mentors: number; median: number | null }>,
): PathSummary {
  const c = counts.get(id);
  return {
    id,
    label: labelOf(careerPaths, id),
    mentorCount: c?.mentors ?? 0,
    medianMonths: round1(c?.median ?? null),
  };
}

export function presentDetail(
  id: CareerPathId,
  row: Awaited<ReturnType<typeof pathAggregate>>,
): PathDetail {
  const months = row.months ?? [];
  return {
    id,
    label: labelOf(careerPaths, id),
    mentorCount: row.mentors,
    medianMonths: round1(row.median_months),
    months: {
      p25: round1(row.p25),
      p75: round1(row.p75),
      buckets: monthsBuckets.map((b) => ({
        ...b,
        count: months.filter((m) => m >= b.min && (b.max === null || m <= b.max)).length,
      })),
    },
    rolesBefore: (row.roles ?? []).map((r) => ({
      id: r.family,
      label: labelOf(roleFamilies, r.family),
      count: r.n,
    })),
    companyTypesBefore: (row.companies ?? []).map((c) => ({
      id: c.type,
      label: labelOf(companyTypes, c.type),
      count: c.n,
    })),
    medianYearsBefore: round1(row.median_years),
    whatHelped: (row.stories ?? []).map((s) => ({
      handle: s.handle,
      displayName: s.display_name,
      roleBefore: s.role_before,
      roleNow: s.role_now,
      switchYear: s.switch_year,
      monthsToSwitch: s.months_to_switch,
      whatHelped: s.what_helped,
    })),
    tags: tagsForPath(id),
  };
}
