import { parentPort } from 'node:worker_threads';
import type { HnItem } from './hn-parse';
import { renderItem } from './hn-rows';

// Renders batches for hn-render.ts off the main thread.
parentPort!.on('message', (msg: { id: number; items: HnItem[] }) => {
  parentPort!.postMessage({ id: msg.id, out: msg.items.map(renderItem) });
});
