import { Router } from 'express';
import { markReadInput, notificationListQuery } from '../../shared/api/notifications';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { parse } from '../http/validate';
import * as service from './service';

export function notificationRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;
  router.use('/notifications', (_req, res, next) => {
    res.setHeader('Cache-Control', 'private, no-store');
    next();
  });

  router.get('/notifications', async (req, res) => {
    const viewer = requireViewer(req);
    res.json(await service.listPage(db, viewer.id, parse(notificationListQuery, req.query)));
  });

  router.get('/notifications/unread-count', async (req, res) => {
    const viewer = requireViewer(req);
    res.json({ unread: await service.unreadCount(db, viewer.id) });
  });

  router.post('/notifications/read', async (req, res) => {
    const viewer = requireViewer(req);
    await service.markRead(db, viewer.id, parse(markReadInput, req.body));
    res.json({ unread: await service.unreadCount(db, viewer.id) });
  });

  return router;
}
