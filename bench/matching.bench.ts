/**
 * Matching: quality on the held-out labelled fixtures, a marketplace simulation, and the
 * latency of ranking 10,000 mentors for one asker. `npm run bench -- matching`
 *
 * - Quality (held-out third of tests/fixtures/matching, never used for tuning): precision@3,
 *   nDCG@5, MRR of the full engine, next to Postgres full-text ranking alone.
 * - Simulation (generated people, 5 days): acceptance rate, askers matched, mentor load Gini,
 *   mentors never shown, capacity violations — with the exposure re-rank, next to the same
 *   run without it.
 * - Latency: rankMentors (one SQL query + the Node pass) over 10,000 generated mentors.
 */
import { sql } from 'kysely';
import { createDb, createPool, type Db } from '../server/db';
import { migrateToLatest } from '../server/db/migrate';
import { rankMentors } from '../server/matching/engine';
import { refreshTermStats } from '../server/matching/queries';
import { WEIGHTS } from '../shared/matching/weights';
import { candidatesFor } from '../tests/fixtures/matching/harness';
import { baselineOrder, decidersOf, shares } from '../tests/fixtures/matching/decisions';
import {
  askerInput,
  askers,
  fixtureId,
  gradeOf,
  holdoutAskers,
  keyOf,
  questionOf,
  type AskerFixture,
} from '../tests/fixtures/matching/index';
import { loadFixtures } from '../tests/fixtures/matching/load';
import { meanQuality, type Quality } from '../tests/fixtures/matching/metrics';
import {
  generateAskers,
  generateMentors,
  insertAskers,
  insertMentors,
} from '../tests/fixtures/matching/generate';
import { simulate } from '../tests/fixtures/matching/simulate';
import { FIXTURE_NOW } from '../tests/fixtures/matching/types';
import { benchPostgres, freshDatabase } from './env';
import { figure, percentile, type Figure } from './lib';

async function open(adminUrl: string): Promise<Db> {
  const db = createDb(createPool(await freshDatabase(adminUrl, 'matching'), 4));
  await migrateToLatest(db);
  return db;
}

async function engineRuns(db: Db, list: AskerFixture[]) {
  const out = [];
  for (const a of list) {
    const ranked = await rankMentors(db, {
      asker: askerInput(a),
      question: questionOf(a),
      limit: 10,
      now: FIXTURE_NOW,
      exposure: false,
    });
    out.push({ a, ranked });
  }
  return out;
}

function qualityOfRuns(runs: { a: AskerFixture; ranked: { mentorId: string }[] }[]): Quality {
  return meanQuality(
    runs.map(({ a, ranked }) => ({
      grades: ranked.map((r) => gradeOf(a, keyOf(r.mentorId))),
      labels: a.labels.map((l) => l.grade),
    })),
  );
}

/** Baseline: the same hard filters, ordered by Postgres ts_rank alone. */
async function textOnlyQuality(db: Db, list: AskerFixture[]): Promise<Quality> {
  const cands = await candidatesFor(db, list, WEIGHTS);
  return meanQuality(
    list.map((a) => ({
      grades: [...cands.get(a.key)!]
        .sort((x, y) => y.textRank - x.textRank)
        .slice(0, 10)
        .map((m) => gradeOf(a, keyOf(m.userId))),
      labels: a.labels.map((l) => l.grade),
    })),
  );
}

/** Baseline (issue 13): hard filters, then role tier, then path tier, then text rank. */
async function plainQuality(db: Db, list: AskerFixture[]): Promise<Quality> {
  const cands = await candidatesFor(db, list, WEIGHTS);
  return meanQuality(
    list.map((a) => ({
      grades: baselineOrder(askerInput(a), cands.get(a.key)!, FIXTURE_NOW)
        .slice(0, 10)
        .map((m) => gradeOf(a, keyOf(m.userId))),
      labels: a.labels.map((l) => l.grade),
    })),
  );
}

function qualityFigures(set: string, q: Quality, base: Quality, label: string, budgets: boolean) {
  const b = (x: number) => (budgets ? { valueAtLeast: x } : { report: true as const });
  return [
    figure({
      name: `precision@3 (${set})`,
      value: q.precisionAt3,
      unit: '',
      baseline: base.precisionAt3,
      baselineLabel: label,
      budget: b(0.7),
    }),
    figure({
      name: `nDCG@5 (${set})`,
      value: q.ndcgAt5,
      unit: '',
      baseline: base.ndcgAt5,
      baselineLabel: label,
      budget: b(0.7),
    }),
    figure({
      name: `MRR (${set})`,
      value: q.mrr,
      unit: '',
      baseline: base.mrr,
      baselineLabel: label,
      budget: b(0.8),
    }),
  ];
}

async function quality(adminUrl: string): Promise<Figure[]> {
  const db = await open(adminUrl);
  try {
    await loadFixtures(db, FIXTURE_NOW);
    const n = holdoutAskers.length;
    const held = await engineRuns(db, holdoutAskers);
    const q = qualityOfRuns(held);
    const plainLabel = 'filters → role → path → text, same run';
    const figures = [
      ...qualityFigures(
        `held-out, ${n} askers`,
        q,
        await plainQuality(db, holdoutAskers),
        plainLabel,
        true,
      ),
      ...qualityFigures(
        'held-out',
        q,
        await textOnlyQuality(db, holdoutAskers),
        'Postgres text rank alone',
        false,
      ),
    ];
    // Each factor's share of the decisions: which one told apart each adjacent pair of the
    // top 5, over every fixture asker.
    const all = await engineRuns(db, askers);
    const deciders = all.flatMap((r) => decidersOf(r.ranked));
    for (const [d, share] of shares(deciders))
      figures.push(
        figure({
          name: `decided by ${d} (share of ${deciders.length} top-5 orders)`,
          value: share * 100,
          unit: '%',
          budget: { report: true },
        }),
      );
    return figures;
  } finally {
    await db.destroy();
  }
}

async function simulation(adminUrl: string): Promise<Figure[]> {
  const db = await open(adminUrl);
  try {
    const mentors = generateMentors(300, 11);
    const askers = generateAskers(500, 12);
    await insertMentors(db, mentors, fixtureId);
    await insertAskers(db, askers, fixtureId);
    await refreshTermStats(db);
    const opts = { mentors, askers, days: 5, start: FIXTURE_NOW };
    const off = await simulate(db, { ...opts, exposure: false });
    const on = await simulate(db, { ...opts, exposure: true });
    const base = 'same run, no exposure re-rank';
    const pct = (x: number) => x * 100;
    return [
      figure({
        name: 'sim: acceptance rate',
        value: pct(on.acceptanceRate),
        unit: '%',
        baseline: pct(off.acceptanceRate),
        baselineLabel: base,
        budget: { report: true },
      }),
      figure({
        name: 'sim: askers matched',
        value: pct(on.askersMatched),
        unit: '%',
        baseline: pct(off.askersMatched),
        baselineLabel: base,
        budget: { ratioAtLeast: 1 }, // the re-rank must not match fewer askers
      }),
      figure({
        name: 'sim: mentor load Gini',
        value: on.loadGini,
        unit: '',
        baseline: off.loadGini,
        baselineLabel: base,
        budget: { ratioAtMost: 1 }, // nor concentrate load
      }),
      figure({
        name: 'sim: mentors never shown',
        value: pct(on.neverShown),
        unit: '%',
        baseline: pct(off.neverShown),
        baselineLabel: base,
        budget: { ratioAtMost: 0.75 }, // it exists to show the unseen
      }),
      figure({
        name: 'sim: askers with the same #1 mentor',
        value: pct(on.topFirstPlaceShare),
        unit: '%',
        baseline: pct(off.topFirstPlaceShare),
        baselineLabel: base,
        budget: { report: true },
      }),
      figure({
        name: 'sim: capacity violations',
        value: on.capacityViolations + off.capacityViolations,
        unit: '',
        budget: { valueAtMost: 0 },
      }),
    ];
  } finally {
    await db.destroy();
  }
}

async function latency(adminUrl: string): Promise<Figure[]> {
  const db = await open(adminUrl);
  try {
    const mentors = generateMentors(10_000, 21);
    const askers = generateAskers(60, 22);
    await insertMentors(db, mentors, fixtureId);
    await insertAskers(db, askers, fixtureId);
    await refreshTermStats(db);
    await sql`ANALYZE`.execute(db);
    const rank = (a: AskerFixture, prefilterLimit?: number) =>
      rankMentors(db, {
        asker: askerInput(a),
        question: questionOf(a),
        limit: 10,
        now: FIXTURE_NOW,
        prefilterLimit,
      });
    for (const a of askers.slice(0, 10)) await rank(a); // warm up caches and plans
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await rank(askers[i % askers.length]!);
      times.push(performance.now() - t);
    }
    times.sort((x, y) => x - y);
    const ping: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      ping.push(performance.now() - t);
    }
    ping.sort((x, y) => x - y);
    // Does the prefilter (top 200 by the coarse SQL score) keep the exact top 10?
    let kept = 0;
    let total = 0;
    for (const a of askers.slice(0, 20)) {
      const fast = new Set((await rank(a)).map((r) => r.mentorId));
      const exact = await rank(a, 20_000);
      total += exact.length;
      kept += exact.filter((r) => fast.has(r.mentorId)).length;
    }
    return [
      figure({
        name: 'rank 10,000 mentors for one asker, p50',
        value: percentile(times, 50),
        unit: 'ms',
        baseline: percentile(ping, 50),
        baselineLabel: 'SELECT 1 round trip',
        budget: { report: true },
      }),
      figure({
        name: 'rank 10,000 mentors for one asker, p95',
        value: percentile(times, 95),
        unit: 'ms',
        budget: { valueAtMost: 50 },
      }),
      figure({
        name: 'prefilter keeps the exact top 10',
        value: (kept / total) * 100,
        unit: '%',
        budget: { valueAtLeast: 95 },
      }),
    ];
  } finally {
    await db.destroy();
  }
}

export default async function run(): Promise<Figure[]> {
  const pg = await benchPostgres();
  try {
    return [
      ...(await quality(pg.adminUrl)),
      ...(await simulation(pg.adminUrl)),
      ...(await latency(pg.adminUrl)),
    ];
  } finally {
    await pg.stop();
  }
}
