/**
 * Matching quality figures (issue 13): the independent labelled set's held-out split is
 * budgeted (P@3 ≥ 0.9, nDCG@5 ≥ 0.93, MRR ≥ 0.95, no must-not mentor in any top 3, a clear
 * lead over the plain "filters → role → path → text" baseline of the same run); its tune
 * split and the project's own held-out fixtures are printed for reference.
 */
import type { Db } from '../server/db';
import { rankMentors } from '../server/matching/engine';
import { WEIGHTS } from '../shared/matching/weights';
import { baselineOrder } from '../tests/fixtures/matching/decisions';
import { candidatesFor } from '../tests/fixtures/matching/harness';
import {
  askerInput,
  gradeOf,
  keyOf,
  questionOf,
  type AskerFixture,
} from '../tests/fixtures/matching/index';
import { mustNotOf } from '../tests/fixtures/matching/independent/index';
import { rng } from '../tests/fixtures/matching/generate';
import { meanQuality, ndcgAt, type Quality } from '../tests/fixtures/matching/metrics';
import { FIXTURE_NOW } from '../tests/fixtures/matching/types';
import { figure, type Figure } from './lib';

/** Ranked mentor keys, best first. */
type Run = { a: AskerFixture; keys: string[] };

export async function engineRuns(db: Db, list: readonly AskerFixture[]): Promise<Run[]> {
  const out: Run[] = [];
  for (const a of list) {
    const ranked = await rankMentors(db, {
      asker: askerInput(a),
      question: questionOf(a),
      limit: 10,
      now: FIXTURE_NOW,
      exposure: false,
    });
    out.push({ a, keys: ranked.map((r) => keyOf(r.mentorId)) });
  }
  return out;
}

/** The plain baseline (issue 13): hard filters, then role tier, path tier, text rank. */
export async function plainRuns(db: Db, list: readonly AskerFixture[]): Promise<Run[]> {
  const cands = await candidatesFor(db, list, WEIGHTS);
  return list.map((a) => ({
    a,
    keys: baselineOrder(askerInput(a), cands.get(a.key)!, FIXTURE_NOW)
      .slice(0, 10)
      .map((m) => keyOf(m.userId)),
  }));
}

const rows = (runs: Run[]) =>
  runs.map(({ a, keys }) => ({
    grades: keys.map((k) => gradeOf(a, k)),
    labels: a.labels.map((l) => l.grade),
  }));

export const qualityOf = (runs: Run[]): Quality => meanQuality(rows(runs));

/** How many must-not mentors (RUBRIC.md) sit in a top 3, over all askers of the runs. */
export const mustNotInTop3 = (runs: Run[]) =>
  runs.reduce(
    (n, { a, keys }) => n + keys.slice(0, 3).filter((k) => mustNotOf(a.key).has(k)).length,
    0,
  );

/**
 * 95% bootstrap interval of mean nDCG@5 over askers (2,000 resamples, fixed seed): with 15
 * askers one asker moves the mean by up to 1/15, and this says how far the figure could be
 * from the same engine's figure on another 15 askers written to the same rubric.
 */
export function ndcgInterval(runs: Run[]): [number, number] {
  const per = rows(runs).map((r) => ndcgAt(r.grades, r.labels, 5));
  const r = rng(13);
  const means: number[] = [];
  for (let i = 0; i < 2000; i++) {
    let s = 0;
    for (let j = 0; j < per.length; j++) s += per[Math.floor(r() * per.length)]!;
    means.push(s / per.length);
  }
  means.sort((x, y) => x - y);
  return [means[Math.floor(0.025 * means.length)]!, means[Math.floor(0.975 * means.length)]!];
}

type Budget = { valueAtLeast: number } | { report: true };

export function qualityFigures(
  set: string,
  q: Quality,
  base: Quality,
  label: string,
  budgets?: { p3: number; ndcg: number; mrr: number },
): Figure[] {
  const b = (x: number | undefined): Budget =>
    x === undefined ? { report: true } : { valueAtLeast: x };
  const row = (name: string, value: number, baseline: number, budget: Budget) =>
    figure({ name: `${name} (${set})`, value, unit: '', baseline, baselineLabel: label, budget });
  return [
    row('precision@3 of what the labels allow', q.attainableP3, base.attainableP3, b(budgets?.p3)),
    row('precision@3, plain', q.precisionAt3, base.precisionAt3, { report: true }),
    figure({
      name: `precision@3, plain: a perfect order's (${set})`,
      value: q.p3Ceiling,
      unit: '',
      budget: { report: true },
    }),
    row('nDCG@5', q.ndcgAt5, base.ndcgAt5, b(budgets?.ndcg)),
    row('MRR', q.mrr, base.mrr, b(budgets?.mrr)),
  ];
}
