import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A small in-process cache of finished JSON responses, for reads that are the same for
 * every reader (thread lists; a thread as an anonymous reader sees it). Bounded (LRU),
 * time-limited, and single-flight: when many requests miss the same key at once, one
 * computes and the others wait for it. A value may carry a `version` (e.g. the thread's
 * updated_at) that the caller checks against the database, so correctness never rests on
 * the TTL alone. Several instances each keep their own; nothing here must be shared.
 */
export interface CachedJson {
  body: string;
  etag: string;
  version: string;
  expires: number;
  /** Compressed once, on the first request that accepts gzip. */
  gzip?: Buffer;
}

export class JsonCache {
  private entries = new Map<string, CachedJson>();
  private inflight = new Map<string, Promise<CachedJson>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The cached value when still fresh and (if given) of the same version. */
  peek(key: string, version?: string): CachedJson | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires < Date.now() || (version !== undefined && hit.version !== version)) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: Map order is our LRU order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  async getOrCompute(
    key: string,
    version: string,
    compute: () => Promise<unknown>,
  ): Promise<CachedJson> {
    const hit = this.peek(key, version);
    if (hit) return hit;
    // Keyed by version too: a computation started for an older version must not answer a
    // request that already saw a newer one.
    const flightKey = `${key}\u0000${version}`;
    const pending = this.inflight.get(flightKey);
    if (pending) return pending;
    const p = (async () => {
      const body = JSON.stringify(await compute());
      const entry: CachedJson = {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        version,
        expires: Date.now() + this.ttlMs,
      };
      if (this.enabled) {
        this.entries.set(key, entry);
        if (this.entries.size > this.maxEntries)
          this.entries.delete(this.entries.keys().next().value!);
      }
      return entry;
    })();
    this.inflight.set(flightKey, p);
    try {
      return await p;
    } finally {
      this.inflight.delete(flightKey);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Sends a cached JSON body: 304 when the client has it (ETag), gzip when accepted (made
 * once per cached value, so compression costs nothing per request), plain otherwise. Plain
 * node:http calls, so the front door (front-door.ts) can answer with it before Express.
 */
export function sendCachedJson(req: IncomingMessage, res: ServerResponse, entry: CachedJson): void {
  res.setHeader('ETag', entry.etag);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === entry.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && entry.body.length > 1024) {
    entry.gzip ??= gzipSync(entry.body, { level: 6 });
    res.setHeader('Content-Encoding', 'gzip');
    res.end(entry.gzip);
    return;
  }
  res.end(entry.body);
}
