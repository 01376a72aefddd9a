import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  createRequestInput,
  declineInput,
  endInput,
  mentorshipListQuery,
  requestListQuery,
} from '../../shared/api/mentorships';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { appUrl } from '../mail/templates';
import { discoveryRoutes } from './discovery-routes';
import { endMentorship, resumeMentoring } from './lifecycle';
import { mentorshipPage, overview, requestDetail, requestPage } from './read';
import { acceptRequest, createRequest, declineRequest, withdrawRequest } from './requests';

const uuid = z.uuid();
/** A malformed id is simply a request that does not exist. */
function idParam(req: Request, what: string): string {
  const id = String(req.params.id);
  if (!uuid.safeParse(id).success) throw notFound(what);
  return id;
}

export function mentorshipRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use(discoveryRoutes(ctx));
  const links = (req: Request) => (path: string) => appUrl(ctx.config, path, req);
  router.use(['/mentorship-requests', '/mentorships'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'private, no-store');
    next();
  });

  router.post('/mentorship-requests', async (req, res) => {
    const viewer = requireViewer(req);
    const input = parse(createRequestInput, req.body);
    res.status(201).json(await createRequest(ctx, viewer, input, links(req)));
  });

  router.get('/mentorship-requests', async (req, res) => {
    const viewer = requireViewer(req);
    res.json(await requestPage(ctx, viewer, parse(requestListQuery, req.query)));
  });

  router.get('/mentorship-requests/:id', async (req, res) => {
    const viewer = requireViewer(req);
    res.json(await requestDetail(ctx, viewer, idParam(req, 'That mentorship request')));
  });

  router.post('/mentorship-requests/:id/accept', async (req, res) => {
    const viewer = requireViewer(req);
    const id = idParam(req, 'That mentorship request');
    res.json(await acceptRequest(ctx, viewer, id, links(req)));
  });

  router.post('/mentorship-requests/:id/decline', async (req, res) => {
    const viewer = requireViewer(req);
    const id = idParam(req, 'That mentorship request');
    res.json(await declineRequest(ctx, viewer, id, parse(declineInput, req.body)));
  });

  router.post('/mentorship-requests/:id/withdraw', async (req, res) => {
    const viewer = requireViewer(req);
    res.json(await withdrawRequest(ctx, viewer, idParam(req, 'That mentorship request')));
  });

  router.get('/mentorships/overview', async (req, res) => {
    res.json(await overview(ctx, requireViewer(req)));
  });

  router.get('/mentorships', async (req, res) => {
    const viewer = requireViewer(req);
    res.json(await mentorshipPage(ctx, viewer, parse(mentorshipListQuery, req.query)));
  });

  router.post('/mentorships/resume', async (req, res) => {
    const viewer = requireViewer(req);
    await resumeMentoring(ctx, viewer);
    res.json(await overview(ctx, viewer));
  });

  router.post('/mentorships/:id/end', async (req, res) => {
    const viewer = requireViewer(req);
    const id = idParam(req, 'That mentorship');
    res.json(await endMentorship(ctx, viewer, id, parse(endInput, req.body)));
  });

  return router;
}
