import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A small in-process cache of finished JSON responses, for reads that are the same for
 * every reader (thread lists; a thread as an anonymous reader sees it). Bounded (LRU),
 * time-limited, and single-flight: when many requests miss the same key at once, one
 * computes and the others wait for it. A TTL of 0 turns it off. Several instances each keep
 * their own; writes in this process empty it (server/forum/read-cache.ts).
 */
export interface CachedJson {
  body: string;
  etag: string;
  expires: number;
  /** Until when the front door may still serve it while a fresh one is made (peekOrStale). */
  staleUntil: number;
  /** When the front door last let a request through to refresh it. */
  passedAt?: number;
  /** Compressed once each, on the first request that accepts the encoding. */
  gzip?: Buffer;
  brotli?: Buffer;
  /** Not JSON: a server-rendered page (server/pages/routes.ts) is kept and sent the same way. */
  contentType?: string;
  /** Vary beyond Accept-Encoding (a page: Cookie, members get the app instead). */
  vary?: string;
}

export class JsonCache {
  private entries = new Map<string, CachedJson>();
  private inflight = new Map<string, Promise<CachedJson>>();
  /** Bumped by clear(): a computation that began before a write must not be kept after it. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** The cached value while still fresh. */
  peek(key: string): CachedJson | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.expires <= Date.now()) return undefined;
    // Re-insert: Map order is our LRU order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /**
   * For the front door: the fresh value; or, until `staleUntil`, the previous one — except
   * that one request every 100 ms is let through (undefined) to the route, whose read
   * refreshes the entry and remembers the new one here. Without this, every request in the
   * window between expiry and refresh went through Express — a member's through the whole
   * session chain — and showed up in the p99.
   */
  peekOrStale(key: string): CachedJson | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    const now = Date.now();
    if (hit.expires > now) return this.peek(key);
    if (hit.staleUntil <= now) {
      this.entries.delete(key);
      return undefined;
    }
    if ((hit.passedAt ?? 0) + 100 <= now) {
      hit.passedAt = now;
      return undefined;
    }
    return hit;
  }

  /**
   * The fresh value; else, for one more TTL after expiry, the previous value while a single
   * background computation replaces it (stale-while-revalidate: a 300-reply thread takes
   * ~20 ms of event loop to rebuild, and every reader waiting for it showed up in the p99);
   * else computed now. A write's clear() drops entries outright, so nobody is served a body
   * from before their own write in this process.
   */
  async getOrCompute(key: string, compute: () => Promise<unknown>): Promise<CachedJson> {
    const hit = this.peek(key);
    if (hit) return hit;
    const stale = this.entries.get(key);
    if (stale && stale.staleUntil > Date.now()) {
      this.refresh(key, compute).catch(() => {}); // the next reader computes and sees the error
      return stale;
    }
    if (stale) this.entries.delete(key);
    return this.refresh(key, compute);
  }

  private async refresh(key: string, compute: () => Promise<unknown>): Promise<CachedJson> {
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const p = (async () => {
      const body = JSON.stringify(await compute());
      const entry: CachedJson = {
        body,
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        expires: Date.now() + this.ttlMs,
        staleUntil: Date.now() + 2 * this.ttlMs,
      };
      // Read before a write that has since emptied the cache: serve it to those who asked
      // meanwhile, but keep nothing — the writer's next read must see their write.
      // (expires 0: no other cache will keep it either).
      if (generation === this.generation) this.remember(key, entry);
      else entry.expires = entry.staleUntil = 0;
      return entry;
    })();
    this.inflight.set(key, p);
    try {
      return await p;
    } finally {
      if (this.inflight.get(key) === p) this.inflight.delete(key);
    }
  }

  /**
   * Keeps an entry — made here or by another cache — until its own expiry; an expired one
   * (a cache with TTL 0) is not kept. Oldest entries go first past `maxEntries`.
   */
  remember(key: string, entry: CachedJson): void {
    if (entry.expires <= Date.now()) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Changes with every clear(): compare before keeping something built from older reads. */
  get version(): number {
    return this.generation;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inflight.clear();
  }
}

/**
 * Sends a cached JSON body: 304 when the client has it (ETag), brotli or gzip when accepted (made
 * once per cached value, so compression costs nothing per request), plain otherwise. Plain
 * node:http calls, so the front door (front-door.ts) can answer with it before Express.
 */
export function sendCachedJson(req: IncomingMessage, res: ServerResponse, entry: CachedJson): void {
  res.setHeader('ETag', entry.etag);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', entry.vary ? `Accept-Encoding, ${entry.vary}` : 'Accept-Encoding');
  if (req.headers['if-none-match'] === entry.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.setHeader('Content-Type', entry.contentType ?? 'application/json; charset=utf-8');
  const encoding = entry.body.length > 1024 ? pickEncoding(req.headers['accept-encoding']) : null;
  if (encoding === 'br') {
    // Quality 5: about 13 % smaller than gzip on a big thread, in a few milliseconds (11
    // would shave a little more for a third of a second of blocked event loop).
    entry.brotli ??= brotliCompressSync(entry.body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 5,
        [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
      },
    });
    res.setHeader('Content-Encoding', 'br');
    res.end(entry.brotli);
    return;
  }
  if (encoding === 'gzip') {
    entry.gzip ??= gzipSync(entry.body, { level: 6 });
    res.setHeader('Content-Encoding', 'gzip');
    res.end(entry.gzip);
    return;
  }
  res.end(entry.body);
}

/** brotli when the client takes it, else gzip, else none; `;q=0` means "not this one". */
export function pickEncoding(header: string | string[] | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}
