import { Router, type NextFunction, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { csrfProtection, originCheck, SAFE_METHODS } from './csrf';
import { passportFor } from './passport';
import { hasSessionCookie, sessionParts, sessionTimeouts } from './session';

/**
 * Everything in front of the API: origin check, session (Postgres), timeouts, Passport
 * (req.user -> viewerOf), CSRF token check. Mounted first in server/http/app.ts.
 *
 * An anonymous read (no session cookie, safe method) — the bulk of the traffic — skips the
 * session machinery entirely: no session object, no id generated, no store access. Such a
 * request has no `req.session`; use viewerOf(req), never req.session, in features.
 */
export function authMiddleware(ctx: AppContext): Router {
  const router = Router();
  const passport = passportFor(ctx);
  const sessionChain = [
    sessionParts(ctx).middleware,
    sessionTimeouts(ctx),
    passport.initialize(),
    passport.session(),
    csrfProtection,
  ];
  const runChain = (req: Request, res: Response, next: NextFunction) => {
    let i = 0;
    const step = (err?: unknown) => {
      if (err || i === sessionChain.length) return next(err);
      sessionChain[i++]!(req, res, step);
    };
    step();
  };
  router.use(originCheck(ctx.config));
  router.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method) && !hasSessionCookie(req)) return next();
    runChain(req, res, next);
  });
  return router;
}
