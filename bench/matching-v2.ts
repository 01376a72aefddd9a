/**
 * The engine's quality on the independent set v2 (bench/independent-v2/, issue 13): tune and
 * held-out splits, each next to the plain "filters → role → path → text" baseline of the same
 * run, with the metrics of the first independent set (matching-quality.ts). Report-only until
 * the team decides which set carries the budgets. Each asker is read back from the database
 * with the API's own loader, so the figures cover the adapter's round trip too.
 */
import type { Db } from '../server/db';
import { rankMentors } from '../server/matching/engine';
import { loadAsker } from '../server/matching/service';
import type { AskerInput, QuestionInput } from '../shared/matching/types';
import { WEIGHTS } from '../shared/matching/weights';
import { baselineOrder } from '../tests/fixtures/matching/decisions';
import { candidatesOf } from '../tests/fixtures/matching/harness';
import { loadV2, v2Id, v2Uuid } from '../tests/fixtures/matching/independent-v2/load';
import { checkV2, readV2, type V2Set } from '../tests/fixtures/matching/independent-v2/read';
import { meanQuality } from '../tests/fixtures/matching/metrics';
import { FIXTURE_NOW } from '../tests/fixtures/matching/types';
import { qualityFigures } from './matching-quality';
import { figure, type Figure } from './lib';

const GAIN = { great: 2, good: 1, must_not: 0 } as const;

/** Ranked v2 mentor ids, best first, for one asker. */
interface Run {
  asker: string;
  keys: string[];
}

async function runs(db: Db, set: V2Set, ids: readonly string[]) {
  const engine: Run[] = [];
  const plain: Run[] = [];
  for (const id of ids) {
    const a = set.askers.find((x) => x.id === id)!;
    const asker: AskerInput | null = await loadAsker(db, v2Uuid(id));
    if (!asker) throw new Error(`independent v2: asker ${id} did not load`);
    const question: QuestionInput = { title: a.question.title, body: a.question.body, tags: [] };
    const ranked = await rankMentors(db, {
      asker,
      question,
      limit: 10,
      now: FIXTURE_NOW,
      exposure: false,
    });
    engine.push({ asker: id, keys: ranked.map((r) => v2Id(r.mentorId)) });
    const cands = await candidatesOf(db, asker, question, WEIGHTS, FIXTURE_NOW);
    plain.push({
      asker: id,
      keys: baselineOrder(asker, cands, FIXTURE_NOW)
        .slice(0, 10)
        .map((m) => v2Id(m.userId)),
    });
  }
  return { engine, plain };
}

function quality(set: V2Set, list: Run[]) {
  return meanQuality(
    list.map(({ asker, keys }) => {
      const labels = set.labels[asker]!;
      // Unlabelled (neutral) and must-not mentors both gain 0; must-nots are counted apart.
      const gradeOf = (k: string) => {
        const l = labels.find((x) => x.mentor === k);
        return l ? GAIN[l.grade] : 0;
      };
      return { grades: keys.map(gradeOf), labels: labels.map((l) => GAIN[l.grade]) };
    }),
  );
}

/** Every must-not mentor in a top 3: asker, mentor, place, and the label's reason. */
export function mustNotHits(set: V2Set, list: Run[]) {
  return list.flatMap(({ asker, keys }) =>
    keys.slice(0, 3).flatMap((mentor, i) => {
      const label = set.labels[asker]!.find((l) => l.mentor === mentor);
      return label?.grade === 'must_not'
        ? [{ asker, mentor, place: i + 1, why: label.reason }]
        : [];
    }),
  );
}

export async function v2Figures(db: Db): Promise<Figure[]> {
  const set = readV2();
  const problems = checkV2(set);
  if (problems.length) throw new Error(`independent v2 is inconsistent: ${problems.join('; ')}`);
  await loadV2(db, set, FIXTURE_NOW);
  const plainLabel = 'filters → role → path → text, same run';
  const figures: Figure[] = [];
  const splits = [
    ['held-out', set.split.heldOut],
    ['tune', set.split.tune],
  ] as const;
  for (const [name, ids] of splits) {
    const { engine, plain } = await runs(db, set, ids);
    const label = `independent v2 ${name}, ${ids.length} askers`;
    const hits = mustNotHits(set, engine);
    figures.push(
      ...qualityFigures(label, quality(set, engine), quality(set, plain), plainLabel),
      figure({
        name: `must-not mentors in a top 3 (${label})`,
        value: hits.length,
        unit: '',
        baseline: mustNotHits(set, plain).length,
        baselineLabel: plainLabel,
        budget: { report: true },
      }),
    );
    // The held-out failures themselves (the tune split's are only counted), printed before
    // the table: one line per must-not in a top 3, the baseline's after the engine's.
    if (name === 'held-out')
      for (const [who, list] of [
        ['engine', hits],
        ['baseline', mustNotHits(set, plain)],
      ] as const) {
        console.log(
          `  independent v2 held-out, ${who}: ${list.length} must-not mentor(s) in a top 3`,
        );
        for (const h of list) console.log(`    ${h.asker} → ${h.mentor} (#${h.place}): ${h.why}`);
      }
  }
  return figures;
}
