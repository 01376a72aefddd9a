import { csrfSync } from 'csrf-sync';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config';
import { forbidden } from '../http/errors';
import { isSameOrigin } from '../http/origin';

/** Reads: no origin check, no token, and (without a cookie) no session machinery. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * First line: a browser always says where a write comes from (Sec-Fetch-Site, Origin). A
 * cross-site or same-site-but-other-origin write is refused whether or not anyone is signed
 * in — that also stops login CSRF. Requests with neither header are not from a browser (curl,
 * server-to-server) and cannot carry a victim's cookie by accident; the token check below
 * still applies to them when a session cookie authenticates them.
 */
export function originCheck(config: Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none')
      return next(forbidden('This request came from another site and was refused.'));
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !isSameOrigin(origin, req, config))
      return next(forbidden('This request came from another site and was refused.'));
    next();
  };
}

const csrf = csrfSync({
  getTokenFromRequest: (req) => {
    const v = req.headers['x-csrf-token'];
    return typeof v === 'string' ? v : undefined;
  },
  size: 32,
  // Only signed-in sessions hold a token; anonymous requests carry no session to abuse and
  // must not get a session row just to store one.
  skipCsrfProtection: (req) => !req.session?.passport?.user,
});

/** Synchronizer-token check (csrf-sync) for every write a session cookie authenticates. */
export function csrfProtection(req: Request, res: Response, next: NextFunction) {
  csrf.csrfSynchronisedProtection(req, res, (err?: unknown) =>
    next(
      err
        ? forbidden(
            'Your session security token is missing or out of date. Reload the page and try again.',
          )
        : undefined,
    ),
  );
}

/** A fresh token for a session that is about to become signed in. */
export const newCsrfToken = (req: Request) => csrf.generateToken(req, true);
export const csrfTokenOf = (req: Request) => csrf.getTokenFromState(req) ?? null;
