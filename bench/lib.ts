/**
 * Benchmark figures: every figure is printed next to a baseline measured in the same run,
 * because the machine is shared and noisy — budgets compare ratios, not absolute times.
 */
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
