/**
 * Benchmark figures: every figure is printed next to a baseline measured in the same run,
 * because the machine is shared and noisy — budgets compare ratios, not absolute times.
 */
import { readdirSync, readFileSync } from 'node:fs';
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the baseline, measured in this run. */
  baseline?: number;
  baselineLabel?: string;
  /** value / baseline (or as the budget defines it). */
  ratio?: number;
  /** Human-readable budget, e.g. "ratio >= 0.40". */
  budget: string;
  pass: boolean;
}

type Budget =
  | { ratioAtLeast: number }
  | { ratioAtMost: number }
  | { valueAtMost: number }
  | { valueAtLeast: number }
  | { report: true };

export function figure(opts: {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineLabel?: string;
  budget: Budget;
}): Figure {
  const ratio = opts.baseline ? opts.value / opts.baseline : undefined;
  const b = opts.budget;
  let budget = 'report only';
  let pass = true;
  if ('ratioAtLeast' in b) {
    budget = `ratio >= ${b.ratioAtLeast}`;
    pass = ratio !== undefined && ratio >= b.ratioAtLeast;
  } else if ('ratioAtMost' in b) {
    budget = `ratio <= ${b.ratioAtMost}`;
    pass = ratio !== undefined && ratio <= b.ratioAtMost;
  } else if ('valueAtMost' in b) {
    budget = `<= ${b.valueAtMost} ${opts.unit}`;
    pass = opts.value <= b.valueAtMost;
  } else if ('valueAtLeast' in b) {
    budget = `>= ${b.valueAtLeast} ${opts.unit}`;
    pass = opts.value >= b.valueAtLeast;
  }
  return { ...opts, ratio, budget, pass };
}

/**
 * The run's verdict: every budgeted figure that failed (report-only figures always pass) and
 * the exit code `npm run bench` ends with — 1 when any failed, so a broken budget fails CI.
 */
export function verdict(figures: Figure[]): { failed: Figure[]; exitCode: 0 | 1 } {
  const failed = figures.filter((f) => !f.pass);
  return { failed, exitCode: failed.length ? 1 : 0 };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function fmt(n: number | undefined, digits = 2): string {
  if (n === undefined || Number.isNaN(n)) return '-';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(digits);
}

/**
 * CPU time (user + system, ms) used so far by processes: by pid, or every process whose
 * command name matches (e.g. /^postgres/ for the database server's backends, which come and
 * go: only those alive at both readings count, so take readings around a steady phase).
 */
export function cpuMs(select: { pid: number } | { comm: RegExp }): Map<number, number> {
  const ticks = 100; // USER_HZ on Linux
  const out = new Map<number, number>();
  const pids =
    'pid' in select
      ? [select.pid]
      : readdirSync('/proc')
          .filter((d) => /^\d+$/.test(d))
          .map(Number);
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if ('comm' in select && !select.comm.test(comm)) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / ticks);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU ms used between two cpuMs readings, by the processes present in both. */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) {
    const was = before.get(pid);
    if (was !== undefined) sum += ms - was;
  }
  return sum;
}
