import { Worker } from 'node:worker_threads';
import type { HnItem } from './hn-parse';
import { renderItem } from './hn-rows';

type Rendered = { md: string; html: string };

/**
 * Renders batches (HN HTML -> markdown -> sanitized HTML, most of an import's CPU) on a
 * worker thread, so parsing, rendering and the database's writes run at the same time.
 * Falls back to rendering inline if the worker cannot start.
 */
export class BatchRenderer {
  private worker: Worker | null = null;
  private next = 0;
  private waiting = new Map<number, { resolve: (r: Rendered[]) => void; items: HnItem[] }>();

  constructor(useWorker = true) {
    if (!useWorker) return;
    try {
      const execArgv = process.execArgv.some((a) => a.includes('tsx'))
        ? process.execArgv
        : [...process.execArgv, '--import', 'tsx'];
      const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
      this.worker = new Worker(new URL(`./hn-render-worker${ext}`, import.meta.url), { execArgv });
      this.worker.on('message', (m: { id: number; out: Rendered[] }) => {
        this.waiting.get(m.id)?.resolve(m.out);
        this.waiting.delete(m.id);
      });
      this.worker.on('error', () => this.fallBack());
      this.worker.unref();
    } catch {
      this.worker = null;
    }
  }

  render(items: HnItem[]): Promise<Rendered[]> {
    if (!this.worker) return Promise.resolve(items.map(renderItem));
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, { resolve, items });
      this.worker!.postMessage({ id, items });
    });
  }

  /** The worker died: whatever it had not answered is rendered here. */
  private fallBack() {
    this.worker = null;
    for (const { resolve, items } of this.waiting.values()) resolve(items.map(renderItem));
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
