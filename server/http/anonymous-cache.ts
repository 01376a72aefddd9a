import type { AppContext } from '../context';
import type { Db } from '../db';
import type { CachedJson } from './json-cache';

/**
 * Finished public API responses by URL, for readers without a session cookie — most of a
 * forum's traffic. The front door (front-door.ts) answers a hit before Express runs, the way
 * Discourse's anonymous cache sits in front of Rails. Routes opt in by `remember`ing a
 * JsonCache entry they just served; the entry's own expiry applies here too, and a forum
 * write clears this map together with the forum's caches (server/forum/read-cache.ts).
 * Bounded: oldest entries go first; nothing lives longer than its source cache's TTL.
 */
export class AnonymousCache {
  private entries = new Map<string, CachedJson>();

  constructor(private readonly maxEntries = 2000) {}

  peek(url: string): CachedJson | undefined {
    const hit = this.entries.get(url);
    if (hit && hit.expires <= Date.now()) {
      this.entries.delete(url);
      return undefined;
    }
    return hit;
  }

  /** `url` is the request's original URL (path and query) exactly as the client sent it. */
  remember(url: string, entry: CachedJson): void {
    if (entry.expires <= Date.now()) return; // the source cache is off (TTL 0) or stale
    this.entries.delete(url);
    this.entries.set(url, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}

const byDb = new WeakMap<Db, AnonymousCache>();

export function anonymousCache(ctx: Pick<AppContext, 'db'>): AnonymousCache {
  let cache = byDb.get(ctx.db);
  if (!cache) {
    cache = new AnonymousCache();
    byDb.set(ctx.db, cache);
  }
  return cache;
}
