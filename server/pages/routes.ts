import type { RequestHandler } from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context';
import { loadPage } from './load';

/**
 * Every GET that wants HTML and is not an asset or the API: the page's real status — 404 for
 * an unknown route, thread, tag or profile, 410 for a deleted thread or account — with the
 * app shell, which shows the matching page.
 */
export function pageRoutes(ctx: AppContext, clientDir: string): RequestHandler {
  let shell: string | undefined;
  return async (req, res, next) => {
    if (!req.accepts('html')) return next();
    const page = await loadPage(ctx, new URL(req.originalUrl, 'http://switchboard.invalid'));
    if (page.redirect) return res.redirect(301, page.redirect);
    shell ??= readFileSync(path.join(clientDir, 'index.html'), 'utf8');
    res.status(page.status);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(shell);
  };
}
