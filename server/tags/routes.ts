import { Router } from 'express';
import { tagParam } from '../../shared/api/tags';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { parse } from '../http/validate';
import { setTagFollow, tagFollowState } from './service';

/** Following tags (contract: shared/api/tags.ts). Per person: never cached. */
export function tagRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/tags/:tag/follow', async (req, res) => {
    const viewer = requireViewer(req);
    const { tag } = parse(tagParam, req.params);
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await tagFollowState(ctx, viewer, tag));
  });

  for (const [method, follow] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    router[method]('/tags/:tag/follow', async (req, res) => {
      const viewer = requireViewer(req);
      const { tag } = parse(tagParam, req.params);
      res.json(await setTagFollow(ctx, viewer, tag, follow));
    });
  }

  return router;
}
