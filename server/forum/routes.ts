import { Router } from 'express';
import type { AppContext } from '../context';
import { moderationRoutes } from '../moderation/routes';
import { replyRoutes } from '../replies/routes';
import { searchRoutes } from '../search/routes';
import { threadRoutes } from '../threads/routes';
import { clearCachesOnWrite } from './read-cache';

/** Everything the forum serves under /api (contracts in shared/api/{threads,search,moderation}.ts). */
export function forumRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(clearCachesOnWrite(ctx));
  router.use(threadRoutes(ctx));
  router.use(replyRoutes(ctx));
  router.use(searchRoutes(ctx));
  router.use(moderationRoutes(ctx));
  return router;
}
