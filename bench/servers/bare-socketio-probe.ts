/**
 * Preloaded (`--expose-gc --import tsx --import this`) into both servers of
 * bench/fanout.bench.ts: on SIGUSR2 it collects garbage and prints the retained memory, so
 * "memory per idle socket" compares what the sockets keep, not garbage not yet collected.
 */
process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  process.stdout.write(`\nmemprobe ${m.heapUsed + m.external} ${m.rss}\n`);
});
