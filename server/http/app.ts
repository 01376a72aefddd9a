import compression from 'compression';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { accountRoutes } from '../account/routes';
import { authMiddleware } from '../auth/middleware';
import { authRoutes } from '../auth/routes';
import { chatRoutes } from '../chat/routes';
import type { AppContext } from '../context';
import { matchingRoutes } from '../matching/routes';
import { mentorshipRoutes } from '../mentorships/routes';
import { notificationRoutes } from '../notifications/routes';
import { pathRoutes } from '../paths/routes';
import { devMailRoutes } from '../mail/dev-routes';
import { mailAdminRoutes } from '../mail/admin-routes';
import { notificationSettingsRoutes, unsubscribeRoutes } from '../notifications/settings-routes';
import { profileRoutes } from '../profiles/routes';
import { feedRoutes } from '../feeds/routes';
import { forumRoutes } from '../forum/routes';
import { pageRoutes } from '../pages/routes';
import { tagRoutes } from '../tags/routes';
import { errorHandler } from './error-handler';
import { hashedAssets } from './static-files';
import { AppError } from './errors';
import { checkPath } from './validate';

declare module 'express-serve-static-core' {
  interface Request {
    log: Logger;
  }
}

export interface AppOptions {
  /** Folder holding the built client (index.html + assets); absent in API-only tests. */
  clientDir?: string;
  /** Extra API routes mounted before the JSON 404 (tests use it to add a failing handler). */
  extraApiRoutes?: (api: express.Router) => void;
}

export function createApp(ctx: AppContext, opts: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.TRUST_PROXY ? 1 : false);
  app.set('query parser', 'simple');

  // Request id, security headers, the request log and the probes are the front door's
  // (front-door.ts). req.log is a child logger carrying the request id, made on first use.
  const { logger } = ctx;
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: express.Request): Logger {
      const log = logger.child({ req: { id: this.id } });
      Object.defineProperty(this, 'log', { value: log });
      return log;
    },
  });

  // brotli or gzip for every response over 1 KB the client accepts (q-values honoured,
  // `identity` and `br;q=0` too). Bodies already encoded — the read caches' (json-cache.ts)
  // and pre-compressed assets — pass through untouched.
  app.use(compression({ threshold: 1024 }));
  // Before any route decodes a parameter: the API's and the rest (unsubscribe, dev mail).
  app.use(checkPath);

  const api = express.Router();
  api.use(authMiddleware(ctx)); // origin check, session, Passport, CSRF: before everything
  api.use(authRoutes(ctx)); // parses its own bodies (a 1 MB password must reach the schema)
  api.use(accountRoutes(ctx));
  api.use(express.json({ limit: '256kb' }));
  // Before the forum's routes: a tag follow changes no shared page, so it must not pass
  // through the forum's clear-the-read-caches-on-write hook.
  api.use(tagRoutes(ctx));
  api.use(forumRoutes(ctx));
  api.use(profileRoutes(ctx));
  api.use(mentorshipRoutes(ctx));
  api.use(notificationRoutes(ctx));
  api.use(mailAdminRoutes(ctx));
  api.use(notificationSettingsRoutes(ctx));
  api.use(pathRoutes(ctx));
  api.use(matchingRoutes(ctx));
  api.use(chatRoutes(ctx));
  opts.extraApiRoutes?.(api);
  api.use((req) => {
    throw new AppError('not_found', `No API route for ${req.method} ${req.path}`);
  });
  app.use('/api', api);
  app.use(unsubscribeRoutes(ctx)); // RFC 8058: no session, no CSRF; the token authorises
  if (!ctx.config.isProduction) app.use(devMailRoutes(ctx)); // local mail catcher's inbox
  // Sitemaps and feeds: before the app's pages, whose catch-all would answer with the shell.
  app.use(feedRoutes(ctx));

  if (opts.clientDir && existsSync(path.join(opts.clientDir, 'index.html'))) {
    app.use('/assets', ...hashedAssets(path.join(opts.clientDir, 'assets')));
    app.use(express.static(opts.clientDir, { index: false, maxAge: '1h' }));
    // The app's pages: their real status, and the app (server/pages/).
    app.get(/.*/, pageRoutes(ctx, opts.clientDir));
  }

  app.use((req) => {
    throw new AppError('not_found', `Nothing at ${req.method} ${req.path}`);
  });
  app.use(errorHandler);
  return app;
}
