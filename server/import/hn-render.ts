import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HnItem } from './hn-parse';
import { renderItem } from './hn-rows';

type Rendered = { md: string; html: string };
type Reply = { id: number; out: Rendered[]; cpuMs: number };

/**
 * Renders batches (HN HTML -> markdown -> sanitized HTML, most of an import's CPU) on a pool
 * of worker threads, so reading, rendering and the database's writes run at the same time.
 * A batch is cut into one slice per worker; the answer keeps the batch's order. Falls back to
 * rendering inline if a worker cannot start or dies.
 */
export class BatchRenderer {
  private workers: Worker[] = [];
  private next = 0;
  private waiting = new Map<number, { resolve: (r: Reply) => void; items: HnItem[] }>();
  /** Time spent rendering, summed over the workers (and inline): for the timing report. */
  cpuMs = 0;
  /** Items rendered on the main thread (no worker could start, or one died). */
  inlineItems = 0;

  constructor(useWorker = true, size = defaultPoolSize()) {
    if (!useWorker) return;
    for (let i = 0; i < size; i++) {
      try {
        const worker = startWorker();
        worker.on('message', (m: Reply) => {
          this.waiting.get(m.id)?.resolve(m);
          this.waiting.delete(m.id);
        });
        worker.on('error', () => this.fallBack());
        this.workers.push(worker);
      } catch {
        break;
      }
    }
  }

  /** How many workers render (0: inline). */
  get poolSize(): number {
    return this.workers.length;
  }

  async render(items: HnItem[]): Promise<Rendered[]> {
    if (!items.length) return [];
    if (!this.workers.length) return this.inline(items);
    const per = Math.ceil(items.length / this.workers.length);
    const slices: Promise<Reply>[] = [];
    for (let w = 0; w * per < items.length; w++)
      slices.push(this.send(this.workers[w]!, items.slice(w * per, (w + 1) * per)));
    const out: Rendered[] = [];
    for (const r of await Promise.all(slices)) {
      this.cpuMs += r.cpuMs;
      for (const x of r.out) out.push(x);
    }
    return out;
  }

  private send(worker: Worker, items: HnItem[]): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, items });
      worker.postMessage({ id, items });
    });
  }

  private inline(items: HnItem[]): Rendered[] {
    this.inlineItems += items.length;
    const t = performance.now();
    const out = items.map(renderItem);
    this.cpuMs += performance.now() - t;
    return out;
  }

  /** A worker died: stop using the pool, and render here whatever it had not answered. */
  private fallBack() {
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) void w.terminate();
    for (const [id, { resolve, items }] of this.waiting)
      resolve({ id, out: this.inline(items), cpuMs: 0 });
    this.waiting.clear();
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * The worker runs hn-render-worker.ts. Under tsx (how the project runs), a worker does not
 * inherit the main thread's loader on Node 20, and `--import tsx` in its execArgv loads tsx
 * but still fails on the .ts entry (ERR_UNKNOWN_FILE_EXTENSION) — the worker never started and
 * every batch was rendered inline. So a two-line bootstrap loads the entry through tsx's API.
 * execArgv is empty on purpose: V8 flags such as --max-old-space-size (which `npm run
 * import:hn` passes) are refused in a worker's execArgv; the heap is capped by resourceLimits.
 */
function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: 64 }; // holds a slice of one batch
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./hn-render-worker.js', import.meta.url), {
      execArgv: [],
      resourceLimits,
    });
  const entry = new URL('./hn-render-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { eval: true, execArgv: [], resourceLimits });
}

/** tsx's ESM API (its exports map's `./esm/api` import; its CommonJS build cannot register). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return pathToFileURL(path.join(path.dirname(manifest), pkg.exports['./esm/api'].import.default))
    .href;
}

/**
 * One render worker per core the process may use, less one: the main thread (reading,
 * placing, the wire protocol) and Postgres itself need the rest. On a 2-core machine that is
 * one worker, which renders faster than the database writes (see the bench); a second one
 * only competes with Postgres for the cores and costs ~60 MB of RSS.
 * HN_IMPORT_RENDER_WORKERS overrides it (0: render on the main thread).
 */
function defaultPoolSize(): number {
  const fromEnv = process.env.HN_IMPORT_RENDER_WORKERS;
  if (fromEnv && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return Math.max(1, os.availableParallelism() - 1);
}
