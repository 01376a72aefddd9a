import { Router } from 'express';
import { emailAdminQuery } from '../../shared/api/email-admin';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { forbidden } from '../http/errors';
import { parse } from '../http/validate';
import { emailAdminPage } from './admin';

/**
 * For admins: is email getting out? (shared/api/email-admin.ts; the page is /admin/email.)
 *
 *   GET /api/admin/email?cursor=&limit= -> { last24h: {sent, failed, skipped}, retrying, failures, nextCursor }
 */
export function mailAdminRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/admin/email', async (req, res) => {
    const viewer = requireViewer(req);
    if (viewer.role !== 'admin') throw forbidden('Only admins can see email deliveries.');
    const page = await emailAdminPage(ctx.db, parse(emailAdminQuery, req.query));
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(page);
  });
  return router;
}
