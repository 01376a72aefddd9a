/**
 * npm run bench [-- name-filter]: runs every bench/*.bench.ts and prints one table.
 * Each figure stands next to a baseline measured in the same run; verdicts compare ratios.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, verdict, type Figure } from './lib';

const filter = process.argv[2];
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const all: { bench: string; fig: Figure }[] = [];
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stdout.write(`\n▶ ${name} …\n`);
  const started = Date.now();
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as {
      default: () => Promise<Figure[]>;
    };
    const figures = await mod.default();
    for (const fig of figures) all.push({ bench: name, fig });
    printTable(figures);
    process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (err) {
    process.stdout.write(`  FAILED to run: ${(err as Error).stack ?? String(err)}\n`);
    all.push({
      bench: name,
      fig: { name: `${name} did not run`, value: NaN, unit: '', budget: 'runs', pass: false },
    });
  }
}

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline === undefined
      ? '-'
      : `${fmt(f.baseline)} ${f.unit} (${f.baselineLabel ?? 'baseline'})`,
    f.ratio === undefined ? '-' : `${f.ratio.toFixed(3)}×`,
    f.budget,
    f.pass ? 'PASS' : 'FAIL',
  ]);
  const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'budget', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const { failed, exitCode } = verdict(all.map((a) => a.fig));
const names = all.filter((a) => failed.includes(a.fig)).map((a) => `${a.bench}/${a.fig.name}`);
console.log(
  `\n${all.length - failed.length} of ${all.length} figures within budget` +
    (failed.length ? `; outside: ${names.join(', ')}` : ''),
);
// A failed budget (or a bench that did not run) fails the command; report-only figures never do.
process.exitCode = exitCode;
