/**
 * Summarises a V8 CPU profile (.cpuprofile): self time per function and per file, the top
 * entries. `npx tsx bench/cpu-profile.ts <file> [count]`. Used with BENCH_CPU_PROF_DIR.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count = '25', filter] = process.argv.slice(2);
if (!file)
  throw new Error('usage: tsx bench/cpu-profile.ts <file.cpuprofile> [count] [inclusive-filter]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) =>
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const total = [...self.values()].reduce((a, b) => a + b, 0);

const tally = (key: (n: Node) => string) => {
  const out = new Map<string, number>();
  for (const [id, us] of self) {
    const k = key(byId.get(id)!);
    out.set(k, (out.get(k) ?? 0) + us);
  }
  return [...out].sort((a, b) => b[1] - a[1]).slice(0, Number(count));
};
const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '~/')
    .replace(/.*\/(server|bench)\//, '$1/');
const print = (title: string, rows: [string, number][]) => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [k, us] of rows)
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
};
print(
  'self time by function',
  tally(
    (n) =>
      `${n.callFrame.functionName || '(anonymous)'}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
  ),
);
print(
  'self time by package / file',
  tally((n) => {
    const u = short(n.callFrame.url);
    const m = /^~\/((@[^/]+\/)?[^/]+)/.exec(u);
    return m ? m[1]! : u || n.callFrame.functionName;
  }),
);

// Inclusive time (the function and everything it called), for functions whose
// "name  file" matches the third argument: where a code path's whole cost goes.
if (filter) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: Node) =>
    `${n.callFrame.functionName || '(anonymous)'}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  const re = new RegExp(filter);
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = label(byId.get(at)!);
      if (seen.has(k) || !re.test(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  print(
    `inclusive time matching /${filter}/`,
    [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(count)),
  );
}
