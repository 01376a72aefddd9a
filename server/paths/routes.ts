import { Router } from 'express';
import { isPathId } from '../../shared/api/paths';
import { careerPaths } from '../../shared/taxonomy';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { presentDetail, presentSummary } from './presenter';
import { pathAggregate, pathCounts } from './queries';

const STORIES = 8;

/** Public, the same for everyone: a short shared cache is fine. */
export function pathRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/paths', async (_req, res) => {
    const rows = await pathCounts(ctx.db);
    const counts = new Map(
      rows.map((r) => [r.path_taken, { mentors: r.mentors, median: r.median_months }]),
    );
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json(careerPaths.map((p) => presentSummary(p.id, counts)));
  });

  router.get('/paths/:pathId', async (req, res) => {
    const id = String(req.params.pathId);
    if (!isPathId(id))
      throw new AppError(
        'not_found',
        `pathId: there is no career path "${id.slice(0, 40)}"; known paths are ${careerPaths.map((p) => p.id).join(', ')}`,
        'pathId',
      );
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json(presentDetail(id, await pathAggregate(ctx.db, id, STORIES)));
  });

  return router;
}
