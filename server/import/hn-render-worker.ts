import { parentPort } from 'node:worker_threads';
import type { HnItem } from './hn-parse';
import { renderItem } from './hn-rows';

// Renders slices of batches for hn-render.ts off the main thread; reports its CPU time.
parentPort!.on('message', (msg: { id: number; items: HnItem[] }) => {
  const t = performance.now();
  const out = msg.items.map(renderItem);
  parentPort!.postMessage({ id: msg.id, out, cpuMs: performance.now() - t });
});
