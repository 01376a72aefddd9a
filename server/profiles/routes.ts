import { Router, type Response } from 'express';
import {
  askerProfileInput,
  mentorListQuery,
  mentorProfileInput,
  profileBasicsInput,
} from '../../shared/api/profiles';
import { requireViewer, viewerOf } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { userPostsQuery } from '../../shared/api/user-posts';
import { questionsBy, repliesBy } from './posts';
import * as service from './service';

// Profiles depend on who asks (isSelf, private fields): never cache them in a shared cache.
const privateJson = (res: Response, body: unknown) => {
  res.setHeader('Cache-Control', 'private, no-cache');
  res.json(body);
};

export function profileRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  router.get('/users/:handle', async (req, res) => {
    const handle = String(req.params.handle);
    if (handle.length > 64) throw notFound(`The profile @${handle.slice(0, 64)}…`);
    privateJson(res, await service.getPublicProfile(db, handle, viewerOf(req)));
  });

  // What they wrote: public and the same for everyone, so a shared cache may keep it briefly.
  for (const [tab, list] of [
    ['questions', questionsBy],
    ['replies', repliesBy],
  ] as const)
    router.get(`/users/:handle/${tab}`, async (req, res) => {
      const handle = String(req.params.handle);
      if (handle.length > 64) throw notFound(`The profile @${handle.slice(0, 64)}…`);
      res.json(await list(db, handle, parse(userPostsQuery, req.query)));
    });

  router.get('/mentors', async (req, res) => {
    res.json(await service.listMentorPage(db, parse(mentorListQuery, req.query)));
  });

  router.get('/me/profile', async (req, res) => {
    privateJson(res, await service.getMyProfile(db, requireViewer(req)));
  });

  router.patch('/me/profile', async (req, res) => {
    const viewer = requireViewer(req);
    privateJson(res, await service.saveBasics(db, viewer, parse(profileBasicsInput, req.body)));
  });

  router.put('/me/asker-profile', async (req, res) => {
    const viewer = requireViewer(req);
    privateJson(res, await service.saveAsker(db, viewer, parse(askerProfileInput, req.body)));
  });

  router.delete('/me/asker-profile', async (req, res) => {
    await service.removeAsker(db, requireViewer(req));
    res.status(204).end();
  });

  router.put('/me/mentor-profile', async (req, res) => {
    const viewer = requireViewer(req);
    privateJson(res, await service.saveMentor(db, viewer, parse(mentorProfileInput, req.body)));
  });

  router.delete('/me/mentor-profile', async (req, res) => {
    await service.removeMentor(db, requireViewer(req));
    res.status(204).end();
  });

  return router;
}
