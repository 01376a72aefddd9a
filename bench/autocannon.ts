import autocannon from 'autocannon';

export interface LoadResult {
  /** Requests per second (every request of a `requests` sequence counts). */
  rps: number;
  p50: number;
  p99: number;
}

/**
 * One URL (or a sequence of paths each connection cycles through) under load: a short
 * warm-up, then the measured run. Throws on any non-2xx or error.
 */
export async function load(
  url: string,
  opts: {
    connections?: number;
    seconds?: number;
    headers?: Record<string, string>;
    paths?: string[];
    /** Called every 200 ms during the measured run (e.g. to sample the server's memory). */
    sample?: () => void;
  } = {},
): Promise<LoadResult> {
  const base = {
    url,
    connections: opts.connections ?? 20,
    headers: opts.headers,
    ...(opts.paths
      ? { requests: opts.paths.map((path) => ({ method: 'GET' as const, path })) }
      : {}),
  };
  await autocannon({ ...base, duration: 1 });
  const timer = opts.sample ? setInterval(opts.sample, 200) : undefined;
  let result: autocannon.Result;
  try {
    result = await autocannon({ ...base, duration: opts.seconds ?? 5 });
  } finally {
    clearInterval(timer);
  }
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx and ${result.errors} errors during the run`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Requests per second for one URL: a short warm-up, then the measured run. */
export async function requestsPerSecond(
  url: string,
  opts: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<number> {
  return (await load(url, opts)).rps;
}
