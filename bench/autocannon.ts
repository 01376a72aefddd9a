import autocannon from 'autocannon';

/** Requests per second for one URL: a short warm-up, then the measured run. */
export async function requestsPerSecond(
  url: string,
  opts: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<number> {
  const base = { url, connections: opts.connections ?? 20, headers: opts.headers };
  await autocannon({ ...base, duration: 1 });
  const result = await autocannon({ ...base, duration: opts.seconds ?? 5 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx and ${result.errors} errors during the run`);
  return result.requests.average;
}
