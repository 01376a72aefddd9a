import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { pathHref } from '../../shared/api/paths';
import {
  threadListQuery,
  threadSorts,
  type Page,
  type ThreadSort,
  type ThreadSummary,
} from '../../shared/api/threads';
import { careerPaths } from '../../shared/taxonomy';
import type { AppContext } from '../context';
import { threadUrl } from '../forum/urls';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { appUrl } from '../mail/templates';
import { tagExists } from '../tags/queries';
import { threadListEntry } from '../threads/public-reads';
import { profileCount, profilePage, questionBodies, threadPage, threadPages } from './queries';
import { sitemapIndex, urlSet, type SitemapUrl } from './sitemap';
import { atom, rss, type FeedDoc, type FeedEntry } from './syndication';

/**
 * What crawlers and feed readers fetch: /sitemap.xml (an index of paginated sitemaps) and an
 * Atom and an RSS feed per list and per tag. Public data only, the same for everyone, so the
 * answers carry a short shared Cache-Control; Express adds the ETag and answers 304 itself.
 */
const FEED_ENTRIES = 30;
const MAX_AGE = 300;

const feedQuery = z.object({
  sort: z.enum(threadSorts, { message: 'must be new, hot, top or unanswered' }).default('new'),
});

const listNames: Record<ThreadSort, string> = {
  new: 'Newest questions',
  hot: 'Hot questions',
  top: 'Top questions this week',
  unanswered: 'Unanswered questions',
};

/**
 * ETag only (Express's, from the body), no Last-Modified: a list's newest date does not move
 * when a thread is deleted or the hot order changes, so If-Modified-Since would answer 304 to
 * a changed document. The body's hash never does.
 */
function send(res: Response, type: string, body: string) {
  res.setHeader('Cache-Control', `public, max-age=${MAX_AGE}`);
  res.type(type).send(body);
}

export function feedRoutes(ctx: AppContext): Router {
  const router = Router();
  const size = ctx.config.SITEMAP_PAGE_SIZE;
  const abs = (req: Request, path: string) => appUrl(ctx.config, path, req);

  // Where crawlers look for the sitemap first; nothing is disallowed (pages hydrate from /api).
  router.get('/robots.txt', (req, res) => {
    send(res, 'text/plain', `User-agent: *\nDisallow:\n\nSitemap: ${abs(req, '/sitemap.xml')}\n`);
  });

  router.get('/sitemap.xml', async (req, res) => {
    const [threads, profiles] = await Promise.all([
      threadPages(ctx.db, size),
      profileCount(ctx.db),
    ]);
    const maps: SitemapUrl[] = [{ loc: abs(req, '/sitemap/pages.xml') }];
    for (const p of threads)
      maps.push({ loc: abs(req, `/sitemap/threads-${p.page}.xml`), lastmod: p.lastmod });
    for (let p = 1; p <= Math.ceil(profiles / size); p++)
      maps.push({ loc: abs(req, `/sitemap/profiles-${p}.xml`) });
    send(res, 'application/xml', sitemapIndex(maps));
  });

  router.get('/sitemap/:file', async (req, res) => {
    const file = String(req.params.file);
    if (file === 'pages.xml') {
      const pages = ['/', '/paths', ...careerPaths.map((p) => pathHref(p.id))];
      return send(res, 'application/xml', urlSet(pages.map((p) => ({ loc: abs(req, p) }))));
    }
    const m = /^(threads|profiles)-([1-9]\d{0,6})\.xml$/.exec(file);
    if (!m) throw notFound(`The sitemap ${file.slice(0, 60)}`);
    const page = Number(m[2]);
    const urls: SitemapUrl[] =
      m[1] === 'threads'
        ? (await threadPage(ctx.db, page, size)).map((t) => ({
            loc: abs(req, threadUrl(t.id)),
            lastmod: t.last_activity_at,
          }))
        : (await profilePage(ctx.db, page, size)).map((u) => ({
            loc: abs(req, `/u/${encodeURIComponent(u.handle)}`),
          }));
    // Page 1 of an empty list is an empty urlset; past the end there is nothing.
    if (urls.length === 0 && page > 1) throw notFound(`The sitemap ${file}`);
    send(res, 'application/xml', urlSet(urls));
  });

  const feed = (format: 'atom' | 'rss') => async (req: Request, res: Response) => {
    const { sort } = parse(feedQuery, req.query);
    const tag = req.params.tag === undefined ? undefined : String(req.params.tag);
    if (tag !== undefined && (tag.length > 40 || !(await tagExists(ctx.db, tag))))
      throw notFound(`The tag "${tag.slice(0, 40)}"`);
    const doc = await feedDoc(req, sort, tag);
    if (format === 'atom') send(res, 'application/atom+xml', atom(doc));
    else send(res, 'application/rss+xml', rss(doc));
  };

  async function feedDoc(req: Request, sort: ThreadSort, tag?: string): Promise<FeedDoc> {
    // The list exactly as the app shows it, through the same shared read cache.
    const entry = await threadListEntry(
      ctx,
      threadListQuery.parse({ sort, limit: String(FEED_ENTRIES), ...(tag ? { tag } : {}) }),
    );
    const list = JSON.parse(entry.body) as Page<ThreadSummary>;
    const bodies = await questionBodies(
      ctx.db,
      list.items.map((t) => t.id),
    );
    const base = abs(req, '/').replace(/\/$/, '');
    const query = sort === 'new' ? '' : `?sort=${sort}`;
    const prefix = tag ? `/t/${tag}` : '';
    const entries: FeedEntry[] = list.items.flatMap((t) => {
      const body = bodies.get(t.id);
      if (!body) return []; // deleted or hidden between the two reads
      return [
        {
          id: `urn:uuid:${t.id}`,
          title: t.title,
          link: base + threadUrl(t.id),
          published: new Date(t.createdAt),
          updated: body.editedAt ?? new Date(t.createdAt),
          author: {
            name: t.author.displayName,
            ...(t.author.id ? { uri: `${base}/u/${encodeURIComponent(t.author.handle)}` } : {}),
          },
          tags: t.tags,
          summary: t.excerpt,
          html: absoluteLinks(body.html, base),
        },
      ];
    });
    return {
      title: `${listNames[sort]}${tag ? ` tagged ${tag}` : ''} · Switchboard`,
      alternate: `${base}${prefix || '/'}${query}`,
      atomUrl: `${base}${prefix}/feed.atom${query}`,
      rssUrl: `${base}${prefix}/feed.rss${query}`,
      entries,
    };
  }

  router.get('/feed.atom', feed('atom'));
  router.get('/feed.rss', feed('rss'));
  router.get('/t/:tag/feed.atom', feed('atom'));
  router.get('/t/:tag/feed.rss', feed('rss'));
  return router;
}

/** Site-relative links in stored HTML (mentions are `/u/<handle>`) made absolute for readers. */
export const absoluteLinks = (html: string, base: string) =>
  html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${base}/`);
