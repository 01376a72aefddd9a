import type { Request, RequestHandler } from 'express';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGE_DATA_ID } from '../../client/src/lib/hydration';
import { hasSessionCookie } from '../auth/session';
import type { AppContext } from '../context';
import { anonymousCache } from '../http/anonymous-cache';
import { sendCachedJson, type CachedJson } from '../http/json-cache';
import { appUrl } from '../mail/templates';
import { headTags, scriptJson } from './head';
import { loadPage, type LoadedPage } from './load';
import { pageCacheKey } from './page-cache';
import { renderPage } from './render';

/**
 * Every GET that wants HTML and is not an asset or the API: the page's real status — 404 for
 * an unknown route, thread, tag or profile, 410 for a deleted thread or account.
 *
 * Public pages (home lists, tag, thread, profile, paths) are rendered on the server for
 * VISITORS: the page's own components with its data (render.tsx), its head tags (head.ts) and
 * the query data the client hydrates with, kept in the anonymous cache as long as the reads it
 * was made from and sent compressed like the public JSON.
 *
 * MEMBERS (a session cookie) get the app shell, as every other page does. Why not the public
 * HTML: its header, buttons and votes are a visitor's, and hydrating a member's page with them
 * would first show "Sign in" and no votes, then jump when the session and the overlay
 * (/api/threads/:id/viewer) arrive; hydrating with the member's own data instead would make the
 * HTML per person and uncacheable. The rendered HTML exists for search engines, link previews
 * and first visits — all visitors — and a member's client reads the shared JSON at a visitor's
 * speed anyway (the front door).
 */
export function pageRoutes(ctx: AppContext, clientDir: string): RequestHandler {
  let template: Template | undefined;
  const anonymous = anonymousCache(ctx);
  const publicBase = appUrl(ctx.config, '/');
  const inflight = new Map<string, Promise<CachedJson>>();

  return async (req, res, next) => {
    if (!req.accepts('html')) return next();
    template ??= parseTemplate(readFileSync(path.join(clientDir, 'index.html'), 'utf8'));
    const member = hasSessionCookie(req);
    const key = pageCacheKey(req.originalUrl);
    if (!member) {
      const hit = anonymous.peek(key);
      if (hit) return sendCachedJson(req, res, hit);
    }
    const version = anonymous.version;
    const page = await loadPage(ctx, pageUrl(req));
    if (page.redirect) return res.redirect(301, page.redirect);
    if (member || !page.data || !template.parts) {
      res.status(page.status);
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Vary', 'Cookie');
      return res.type('html').send(template.shell);
    }
    // One render per URL at a time: the others wait for it (as the JSON caches do).
    let pending = inflight.get(key);
    if (!pending) {
      pending = renderEntry(template.parts, page, pageUrl(req), publicBase).finally(() =>
        inflight.delete(key),
      );
      inflight.set(key, pending);
    }
    const entry = await pending;
    // Not kept when a forum write emptied the cache meanwhile: it may show the old page.
    if (anonymous.version === version) anonymous.remember(key, entry);
    res.status(page.status);
    sendCachedJson(req, res, entry);
  };
}

const pageUrl = (req: Request) => new URL(req.originalUrl, 'http://switchboard.invalid');

async function renderEntry(
  template: TemplateParts,
  page: LoadedPage,
  url: URL,
  publicBase: string,
): Promise<CachedJson> {
  const { html, payload } = await renderPage(url, page.queries);
  const body =
    template.beforeHead +
    headTags(page.data!, url, publicBase) +
    template.beforeRoot +
    `<div id="root">${html}</div>\n    ` +
    `<script type="application/json" id="${PAGE_DATA_ID}">${scriptJson(payload)}</script>` +
    template.afterRoot;
  return {
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    expires: page.expires,
    staleUntil: page.staleUntil,
    contentType: 'text/html; charset=utf-8',
    vary: 'Cookie',
  };
}

interface Template {
  /** The built index.html as it is: the app shell. */
  shell: string;
  /** Where a rendered page goes; absent when the index.html has no </head> or empty root. */
  parts?: TemplateParts;
}

interface TemplateParts {
  beforeHead: string;
  beforeRoot: string;
  afterRoot: string;
}

const ROOT = '<div id="root"></div>';

/**
 * The built client's index.html, cut where a rendered page's parts go: its own <title> and
 * description replace the generic ones; the "needs JavaScript" notice goes, the page is here.
 */
function parseTemplate(shell: string): Template {
  const headEnd = shell.indexOf('</head>');
  const root = shell.indexOf(ROOT);
  if (headEnd < 0 || root < 0) return { shell };
  const head = shell
    .slice(0, headEnd)
    .replace(/<title>[^<]*<\/title>\s*/, '')
    .replace(/<meta\s+name="description"[^>]*>\s*/, '');
  return {
    shell,
    parts: {
      beforeHead: `${head.trimEnd()}\n    `,
      beforeRoot: `\n  ${shell.slice(headEnd, root)}`,
      afterRoot: shell.slice(root + ROOT.length).replace(/\s*<noscript>[\s\S]*?<\/noscript>/, ''),
    },
  };
}
