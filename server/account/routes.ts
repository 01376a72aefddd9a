import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { changePasswordInput, deleteAccountInput, type AccountInfo } from '../../shared/api/auth';
import { passwordJson } from '../auth/routes';
import { presentViewer } from '../auth/presenter';
import { endSessionsOf } from '../auth/queries';
import { SESSION_COOKIE } from '../auth/session';
import { requireViewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { limiter, windows } from '../ratelimit/limits';
import {
  changePassword,
  checkCurrentPassword,
  deleteAccount,
  exportData,
  loadAccount,
} from './service';
import { endSession, listSessions } from './sessions';
import { clearForumCaches } from '../forum/read-cache';

const sessionIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, { message: 'is not a session id' }),
});

/** Settings of the signed-in person: password, sessions, export, deletion. */
export function accountRoutes(ctx: AppContext): Router {
  const router = Router();
  const signedIn = (req: Request, res: Response, next: NextFunction) => {
    requireViewer(req);
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
  // Guessing the current password from a stolen session is sign-in guessing by another door.
  const passwordChecks = limiter(ctx, {
    name: 'password-check',
    windowMs: windows.signIn,
    limit: ctx.config.RATE_LIMIT_SIGNIN_PER_LOGIN,
    what: 'wrong password attempts',
    count: 'failures',
    key: (req) => requireViewer(req).id,
  });

  router.get('/account', signedIn, async (req, res) => {
    const viewer = requireViewer(req);
    const user = await loadAccount(ctx.db, viewer.id);
    const body: AccountInfo = { ...presentViewer(viewer), email: user.email ?? '' };
    res.json(body);
  });

  router.post('/account/password', signedIn, passwordJson, passwordChecks, async (req, res) => {
    const viewer = requireViewer(req);
    const input = parse(changePasswordInput, req.body);
    await changePassword(ctx, viewer.id, input.currentPassword, input.newPassword, req.sessionID);
    res.json({ ok: true });
  });

  router.get('/account/sessions', signedIn, async (req, res) => {
    res.json(await listSessions(ctx.db, requireViewer(req).id, req.sessionID));
  });

  router.delete('/account/sessions/:id', signedIn, async (req, res) => {
    const { id } = parse(sessionIdParam, req.params);
    if (!(await endSession(ctx.db, requireViewer(req).id, id))) throw notFound('That session');
    res.status(204).end();
  });

  router.delete('/account/sessions', signedIn, async (req, res) => {
    await endSessionsOf(ctx.db, requireViewer(req).id, req.sessionID);
    res.status(204).end();
  });

  router.get('/me/export', signedIn, async (req, res) => {
    const viewer = requireViewer(req);
    const data = await exportData(ctx.db, viewer.id);
    const day = new Date().toISOString().slice(0, 10);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="switchboard-${viewer.handle}-${day}.json"`,
    );
    res.json(data);
  });

  router.post('/account/delete', signedIn, passwordJson, passwordChecks, async (req, res, next) => {
    const viewer = requireViewer(req);
    const input = parse(deleteAccountInput, req.body);
    await checkCurrentPassword(ctx.db, viewer.id, input.password, 'password');
    await deleteAccount(ctx.db, viewer.id);
    // Cached public bodies still name the person: forget them (other instances within their TTL).
    clearForumCaches(ctx);
    ctx.logger.info({ userId: viewer.id }, 'account deleted');
    // The session row is already gone; drop the in-memory one without saving it back.
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
      res.status(204).end();
    });
  });

  return router;
}
