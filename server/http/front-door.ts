import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AppContext } from '../context';
import { healthChecks } from '../health/checks';
import { hasSessionCookie } from '../auth/session';
import { pageCacheKey, wantsHtml } from '../pages/page-cache';
import { anonymousCache } from './anonymous-cache';
import { sendCachedJson } from './json-cache';
import { requestId } from './request-id';
import { securityHeaders } from './security';

declare module 'node:http' {
  interface IncomingMessage {
    /** Set by the front door on every request; echoed as X-Request-Id, quoted in errors. */
    id: string;
  }
}

/**
 * What every HTTP request passes through, as plain node:http in front of Express:
 * a request id, the security headers (computed once), one log line when the response ends,
 * then either a fast answer or Express. Fast answers are the probes and anonymous reads of
 * public API responses that a route just served (anonymous-cache.ts), for visitors and members alike. Express costs about
 * five times a bare handler on this stack (bench/http.bench.ts), and these are the requests
 * that come by the thousand and need neither a session nor routing.
 */
export function frontDoor(ctx: AppContext, app: RequestListener): RequestListener {
  const security = securityHeaders(ctx.config.isProduction);
  const health = healthChecks(ctx);
  const anonymous = anonymousCache(ctx);
  const { logger } = ctx;

  return (req, res) => {
    req.id = requestId(req, res);
    for (const [name, value] of security) res.setHeader(name, value);
    // Draining (server.ts close()): answer, then close the connection, so a keep-alive client
    // takes its next request to another instance instead of to one that is stopping.
    if (ctx.draining) res.setHeader('Connection', 'close');
    const url = req.url ?? '/';
    if (req.method === 'GET' || req.method === 'HEAD') {
      const path = url.split('?', 1)[0];
      // Probes would drown the log: they are answered and never logged.
      if (path === '/healthz') return health.live(res);
      if (path === '/readyz') return void health.ready(res);
      // Public entries only (anonymous-cache.ts): the same for every reader, so a session
      // cookie changes nothing — members read the shared bodies at a visitor's speed.
      if (path!.startsWith('/api/')) {
        const hit = anonymous.peekOrStale(url);
        if (hit) {
          if (logger.isLevelEnabled('debug')) logWhenDone(logger, req, res);
          return sendCachedJson(req, res, hit);
        }
      } else if (!hasSessionCookie(req) && wantsHtml(req.headers.accept)) {
        // A visitor's server-rendered public page (server/pages/routes.ts). Members' differ
        // (they get the app), so only requests without a session cookie are answered here.
        const hit = anonymous.peekOrStale(pageCacheKey(url));
        if (hit) {
          if (logger.isLevelEnabled('debug')) logWhenDone(logger, req, res);
          return sendCachedJson(req, res, hit);
        }
      }
    }
    logWhenDone(logger, req, res);
    app(req, res);
  };
}

/** One line per request: errors at error, client mistakes at info, the rest at debug. */
function logWhenDone(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  const url = req.url;
  res.once('close', () => {
    const aborted = !res.writableFinished;
    const status = res.statusCode;
    const level = status >= 500 ? 'error' : aborted ? 'warn' : status >= 400 ? 'info' : 'debug';
    if (!logger.isLevelEnabled(level)) return;
    logger[level](
      {
        req: { id: req.id, method: req.method, url },
        res: { statusCode: status },
        responseTime: Math.round(performance.now() - started),
      },
      aborted ? 'request aborted' : 'request completed',
    );
  });
}
