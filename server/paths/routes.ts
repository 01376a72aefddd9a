import { Router } from 'express';
import { isPathId, type PathDetail, type PathSummary } from '../../shared/api/paths';
import { careerPaths, type CareerPathId } from '../../shared/taxonomy';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { presentDetail, presentSummary } from './presenter';
import { pathAggregate, pathCounts } from './queries';

const STORIES = 8;

/** Public, the same for everyone: a short shared cache is fine. */
export function pathRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/paths', async (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=60');
    res.json(await pathSummaries(ctx));
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
    res.json(await pathDetail(ctx, id));
  });

  return router;
}

/** GET /api/paths's answer (the server-rendered /paths page reads the same). */
export async function pathSummaries(ctx: AppContext): Promise<PathSummary[]> {
  const rows = await pathCounts(ctx.db);
  const counts = new Map(
    rows.map((r) => [r.path_taken, { mentors: r.mentors, median: r.median_months }]),
  );
  return careerPaths.map((p) => presentSummary(p.id, counts));
}

export async function pathDetail(ctx: AppContext, id: CareerPathId): Promise<PathDetail> {
  return presentDetail(id, await pathAggregate(ctx.db, id, STORIES));
}
