import type { AppContext } from '../context';
import type { Db } from '../db';
import { JsonCache } from './json-cache';

/**
 * Finished PUBLIC API responses by URL — bodies that are byte for byte the same for every
 * reader, visitor or member (a member's per-person part travels separately, e.g.
 * GET /api/threads/:id/viewer). Never remember anything that depends on who asks. The front door (front-door.ts) answers a hit before Express runs, the way
 * Discourse's anonymous cache sits in front of Rails. Routes opt in by `remember`ing the
 * entry they just served under `req.originalUrl`; the entry keeps its own expiry, and a forum
 * write empties this cache with the forum's own (server/forum/read-cache.ts).
 */
const byDb = new WeakMap<Db, JsonCache>();

export function anonymousCache(ctx: Pick<AppContext, 'db'>): JsonCache {
  let cache = byDb.get(ctx.db);
  if (!cache) {
    cache = new JsonCache(0, 2000); // computes nothing itself: it only keeps others' entries
    byDb.set(ctx.db, cache);
  }
  return cache;
}
