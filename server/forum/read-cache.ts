import type { NextFunction, Request, Response } from 'express';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { anonymousCache } from '../http/anonymous-cache';
import { JsonCache } from '../http/json-cache';

/**
 * The forum's two read caches — measured need: without them the hot page and a 300-reply
 * thread run at 0.03× and 0.008× of a bare server (bench/forum.bench.ts).
 *  - lists: every list page (the same for everyone), FORUM_LIST_CACHE_SECONDS;
 *  - threads: a thread as an ANONYMOUS reader sees it, FORUM_THREAD_CACHE_SECONDS.
 * Any successful forum write in this process empties both at once, so a writer never reads
 * their own write stale; another instance serves anonymous readers at most the TTL late
 * (signed-in readers and live socket updates are never cached). Both also feed the front
 * door's anonymous cache (server/http/anonymous-cache.ts), which is emptied with them.
 */
export interface ForumCaches {
  lists: JsonCache;
  threads: JsonCache;
}

const byDb = new WeakMap<Db, ForumCaches>();

export function forumCaches(ctx: AppContext): ForumCaches {
  let caches = byDb.get(ctx.db);
  if (!caches) {
    caches = {
      lists: new JsonCache(ctx.config.FORUM_LIST_CACHE_SECONDS * 1000, 1000),
      threads: new JsonCache(ctx.config.FORUM_THREAD_CACHE_SECONDS * 1000, 500),
    };
    byDb.set(ctx.db, caches);
  }
  return caches;
}

/** Forgets every cached forum read in this process (the public bodies included). */
export function clearForumCaches(ctx: AppContext): void {
  const caches = forumCaches(ctx);
  caches.lists.clear();
  caches.threads.clear();
  anonymousCache(ctx).clear();
}

/**
 * Router middleware: after a write that succeeded, forget every cached read. Writes through
 * withOutbox (server/forum/posting.ts) also clear at commit, before their live events go out:
 * a member's page refetches on its own event, and that read must not meet the old body.
 */
export function clearCachesOnWrite(ctx: AppContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      res.on('finish', () => {
        if (res.statusCode < 400) clearForumCaches(ctx);
      });
    next();
  };
}
