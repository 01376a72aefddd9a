import { Router } from 'express';
import { z } from 'zod';
import { directoryQuery } from '../../shared/api/mentorships';
import { viewerOf } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { directoryPage } from './directory';
import { threadPanel } from './panel';

const uuid = z.uuid();

/** Where matching shows: the question's mentor panel and Find a mentor. Public, per viewer. */
export function discoveryRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/thread-mentors/:threadId', async (req, res) => {
    const id = String(req.params.threadId);
    if (!uuid.safeParse(id).success) throw notFound('That question');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.json(await threadPanel(ctx, id, viewerOf(req)));
  });

  router.get('/mentor-directory', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-cache');
    res.json(await directoryPage(ctx.db, viewerOf(req), parse(directoryQuery, req.query)));
  });

  return router;
}
