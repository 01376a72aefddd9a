import { sql } from 'kysely';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { threadSorts } from '../../shared/api/threads';
import { careerPaths, starterTags } from '../../shared/taxonomy';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { forumTestEnv, postThread } from './forum-helpers';

/** The sitemap and the feeds as a crawler and a feed reader fetch them: parsed, then followed. */
let app: TestApp;
let asker: Client;
const NASTY = `Tags <b>&amp; "quotes" 'apostrophes' ]]> end`;
const ids: Record<'kept' | 'deleted' | 'hidden' | 'nasty' | 'tagged', string> = {
  kept: '',
  deleted: '',
  hidden: '',
  nasty: '',
  tagged: '',
};

beforeAll(async () => {
  // Two URLs per sitemap page, so a handful of threads and people spans several pages.
  app = await startTestApp({ client: true, env: { ...forumTestEnv, SITEMAP_PAGE_SIZE: '2' } });
  const user = await createUser(app.ctx.db, {
    handle: 'feed_asker',
    displayName: 'Ada <Feeds> & Co',
  });
  asker = await signIn(app, user);
  ids.kept = (
    await postThread(asker, { body: 'Ask @feed_asker about **agency** work.' })
  ).thread.id;
  ids.deleted = (
    await postThread(asker, { title: 'This question will be deleted soon' })
  ).thread.id;
  ids.hidden = (
    await postThread(asker, { title: 'This question will be hidden by a mod' })
  ).thread.id;
  ids.nasty = (
    await postThread(asker, {
      title: NASTY,
      body: 'Body with <script>alert(1)</script> & ]]> in it',
    })
  ).thread.id;
  ids.tagged = (
    await postThread(asker, { title: 'A question only in the mba tag', tags: ['mba'] })
  ).thread.id;
  await asker.delete(`/api/threads/${ids.deleted}`).expect(204);
  await sql`UPDATE threads SET hidden_at = now() WHERE id = ${ids.hidden}`.execute(app.ctx.db);
  await createUser(app.ctx.db, { handle: 'feed_gone' }).then((u) =>
    app.ctx.db
      .updateTable('users')
      .set({ deleted_at: new Date() })
      .where('id', '=', u.id)
      .execute(),
  );
  await createUser(app.ctx.db, { handle: 'feed_suspended' }).then((u) =>
    app.ctx.db
      .updateTable('users')
      .set({ suspended_until: new Date(Date.now() + 86_400_000) })
      .where('id', '=', u.id)
      .execute(),
  );
});

interface AtomEntry {
  id: string;
  title: { '#text': string; '@type': string };
  link: { '@href': string; '@rel': string }[];
  updated: string;
  published: string;
  author: { name: string; uri?: string };
  summary: { '#text': string };
  content: { '#text': string; '@type': string };
  category?: { '@term': string }[];
}

interface Link {
  '@rel': string;
  '@href': string;
}

interface RssItem {
  title: string;
  link: string[];
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  'dc:creator': string;
}

/** The shapes fast-xml-parser gives for the documents under test (attributes as '@name'). */
interface Parsed {
  sitemapindex: { '@xmlns': string; sitemap: { loc: string; lastmod?: string }[] };
  urlset: { '@xmlns': string; url?: { loc: string; lastmod?: string }[] };
  feed: {
    '@xmlns': string;
    id: string;
    title: unknown;
    updated: string;
    link: Link[];
    entry?: AtomEntry[];
  };
  rss: { '@version': string; channel: { item?: RssItem[] } };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap', 'entry', 'item', 'link', 'category'].includes(name),
});

async function getXml(path: string, type: RegExp) {
  const res = await fetch(`${app.url}${path}`);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type'), path).toMatch(type);
  expect(res.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+$/);
  const text = await res.text();
  expect(XMLValidator.validate(text), path).toBe(true);
  return { res, text, doc: parser.parse(text) as Parsed };
}

const absolute = (loc: string) => {
  const u = new URL(loc);
  expect(u.origin).toBe(app.url);
  return u.pathname + u.search;
};

async function allSitemapUrls() {
  const { doc } = await getXml('/sitemap.xml', /application\/xml/);
  const index = doc.sitemapindex;
  expect(index['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  const urls: { loc: string; lastmod?: string; from: string }[] = [];
  for (const map of index.sitemap) {
    const from = absolute(map.loc);
    const { doc: set } = await getXml(from, /application\/xml/);
    expect(set.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const page = set.urlset.url ?? [];
    expect(page.length).toBeLessThanOrEqual(from === '/sitemap/pages.xml' ? 100 : 2);
    urls.push(...page.map((u) => ({ ...u, from })));
  }
  return { maps: index.sitemap.map((m) => absolute(m.loc)), urls };
}

describe('sitemap', () => {
  it('indexes paginated sitemaps of public threads, profiles and the static pages', async () => {
    const { maps, urls } = await allSitemapUrls();
    expect(maps).toEqual(
      expect.arrayContaining([
        '/sitemap/pages.xml',
        '/sitemap/threads-1.xml',
        '/sitemap/threads-2.xml',
        '/sitemap/profiles-1.xml',
      ]),
    );
    const paths = urls.map((u) => absolute(u.loc));
    expect(paths).toEqual(
      expect.arrayContaining(['/', '/paths', ...careerPaths.map((p) => `/paths/${p.id}`)]),
    );
    for (const id of [ids.kept, ids.nasty, ids.tagged]) expect(paths).toContain(`/q/${id}`);
    for (const id of [ids.deleted, ids.hidden]) expect(paths).not.toContain(`/q/${id}`);
    expect(paths).toContain('/u/feed_asker');
    expect(paths).not.toContain('/u/feed_gone');
    expect(paths).not.toContain('/u/feed_suspended');
    expect(new Set(paths).size).toBe(paths.length); // pages neither repeat nor overlap
    // Threads carry their last activity as a W3C datetime.
    for (const u of urls.filter((x) => x.from.startsWith('/sitemap/threads-')))
      expect(u.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('lists exactly the public threads, 2 per page, and every link opens', async () => {
    const { urls } = await allSitemapUrls();
    const threads = urls.filter((u) => u.from.startsWith('/sitemap/threads-'));
    const visible = await app.ctx.db
      .selectFrom('threads')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('hidden_at', 'is', null)
      .execute();
    expect(threads.map((u) => absolute(u.loc)).sort()).toEqual(
      visible.map((t) => `/q/${t.id}`).sort(),
    );
    for (const u of urls) {
      const res = await fetch(u.loc, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(res.status, u.loc).toBe(200);
    }
  });

  it('answers 404 past the last page and for unknown sitemap names', async () => {
    for (const p of [
      '/sitemap/threads-99.xml',
      '/sitemap/threads-0.xml',
      '/sitemap/users-1.xml',
      '/sitemap/threads-1.xml.gz',
    ])
      expect((await fetch(`${app.url}${p}`)).status, p).toBe(404);
  });
});

async function atomEntries(path: string) {
  const { doc, res } = await getXml(path, /application\/atom\+xml/);
  const feed = doc.feed;
  expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const field of ['id', 'title', 'updated'] as const) expect(feed[field], field).toBeTruthy();
  expect(absolute(feed.link.find((l) => l['@rel'] === 'self')!['@href'])).toBe(path);
  return { entries: feed.entry ?? [], res };
}

const entryPath = (e: AtomEntry) =>
  absolute(e.link.find((l) => l['@rel'] === 'alternate')!['@href']);

describe('feeds', () => {
  it('Atom: newest questions with id, title, link, dates, author and sanitized content', async () => {
    const { entries } = await atomEntries('/feed.atom');
    const paths = entries.map(entryPath);
    expect(paths.slice(0, 3)).toEqual([`/q/${ids.tagged}`, `/q/${ids.nasty}`, `/q/${ids.kept}`]);
    expect(paths).not.toContain(`/q/${ids.deleted}`);
    expect(paths).not.toContain(`/q/${ids.hidden}`);
    for (const e of entries) {
      expect(e.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(e.title['#text'].length).toBeGreaterThan(0);
      expect(Date.parse(e.updated)).not.toBeNaN();
      expect(Date.parse(e.published)).not.toBeNaN();
      expect(e.content['@type']).toBe('html');
    }
    const kept = entries.find((e) => e.id === `urn:uuid:${ids.kept}`)!;
    expect(kept.author.name).toBe('Ada <Feeds> & Co');
    expect(absolute(kept.author.uri!)).toBe('/u/feed_asker');
    expect(kept.content['#text']).toContain('<strong>agency</strong>');
    // The mention's site-relative link is made absolute for the reader.
    expect(kept.content['#text']).toContain(`href="${app.url}/u/feed_asker"`);
    expect(kept.category!.map((c) => c['@term'])).toEqual(['career-switch']);
    for (const e of entries) {
      const res = await fetch(`${app.url}${entryPath(e)}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
    }
  });

  it('escapes a title and body holding < & " \' and ]]> so they read back exactly', async () => {
    const { entries } = await atomEntries('/feed.atom');
    const nasty = entries.find((e) => e.id === `urn:uuid:${ids.nasty}`)!;
    expect(nasty.title).toEqual({ '#text': NASTY, '@type': 'text' });
    // Stored HTML is markdown-it without raw HTML: the script is text, never a tag.
    expect(nasty.content['#text']).not.toContain('<script');
    expect(nasty.content['#text']).toContain('&lt;script&gt;');
    expect(nasty.content['#text']).toContain(']]&gt;');
    const { doc } = await getXml('/feed.rss', /application\/rss\+xml/);
    const item = doc.rss.channel.item!.find((i) => i.guid['#text'].endsWith(ids.nasty))!;
    expect(item.title).toBe(NASTY);
  });

  it('RSS 2.0: the same list, with link, guid, pubDate and creator', async () => {
    const { doc } = await getXml('/feed.rss', /application\/rss\+xml/);
    expect(doc.rss['@version']).toBe('2.0');
    const items = doc.rss.channel.item!;
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const i of items) {
      expect(i.guid['#text']).toBe(i.link[0]);
      expect(i.guid['@isPermaLink']).toBe('true');
      expect(Date.parse(i.pubDate)).not.toBeNaN();
      expect(i['dc:creator']).toBeTruthy();
    }
    expect(absolute(items[0]!.link[0]!)).toBe(`/q/${ids.tagged}`);
  });

  it('per tag: only that tag’s questions; an unknown tag is 404', async () => {
    const { entries } = await atomEntries('/t/mba/feed.atom');
    expect(entries.map(entryPath)).toEqual([`/q/${ids.tagged}`]);
    const { doc } = await getXml('/t/mba/feed.rss', /application\/rss\+xml/);
    expect(doc.rss.channel.item).toHaveLength(1);
    for (const p of [
      '/t/no-such-tag-here/feed.atom',
      '/t/no-such-tag-here/feed.rss',
      '/t/BAD%20tag/feed.atom',
    ])
      expect((await fetch(`${app.url}${p}`)).status, p).toBe(404);
  });

  it('hot and other lists by ?sort=; an unknown sort is a 400 naming the field', async () => {
    const { entries } = await atomEntries('/feed.atom?sort=hot');
    expect(entries.map(entryPath)).toEqual(
      expect.arrayContaining([`/q/${ids.kept}`, `/q/${ids.nasty}`]),
    );
    const res = await fetch(`${app.url}/feed.atom?sort=sideways`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('sort');
  });

  it('drops characters XML 1.0 cannot carry (controls, U+FFFE) instead of breaking the feed', async () => {
    const t = await postThread(asker, {
      title: 'Bell \u0007 and \uFFFE in a title',
      tags: ['resume'],
    });
    const { entries } = await atomEntries('/t/resume/feed.atom');
    const e = entries.find((x) => x.id === `urn:uuid:${t.thread.id}`)!;
    expect(e.title['#text']).toBe('Bell  and  in a title');
  });

  it('is cacheable: a 304 for a repeat fetch, a 200 once the list changed', async () => {
    const { res } = await atomEntries('/feed.atom');
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    // supertest, not fetch: fetch adds Cache-Control: no-cache to a conditional request.
    await request(app.url).get('/feed.atom').set('If-None-Match', etag).expect(304);
    const sitemap = await request(app.url).get('/sitemap/threads-1.xml').expect(200);
    await request(app.url)
      .get('/sitemap/threads-1.xml')
      .set('If-None-Match', sitemap.headers.etag!)
      .expect(304);
    await postThread(asker, { title: 'A newer question changes the feed' });
    await request(app.url).get('/feed.atom').set('If-None-Match', etag).expect(200);
  });

  it('names absolute URLs after PUBLIC_URL when it is set', async () => {
    const other = await startTestApp({
      database: app.database,
      jobs: false,
      env: { ...forumTestEnv, PUBLIC_URL: 'https://forum.example/' },
    });
    const index = await (await fetch(`${other.url}/sitemap.xml`)).text();
    expect(index).toContain('<loc>https://forum.example/sitemap/threads-1.xml</loc>');
    const feed = await (await fetch(`${other.url}/t/mba/feed.atom`)).text();
    expect(feed).toContain(`href="https://forum.example/q/${ids.tagged}"`);
    expect(feed).toContain('href="https://forum.example/t/mba/feed.atom"');
    const robots = await (await fetch(`${other.url}/robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: https:\/\/forum\.example\/sitemap\.xml$/m);
    await other.close();
  });

  it('is advertised in the page head for feed readers', async () => {
    const html = await (await fetch(`${app.url}/`, { headers: { accept: 'text/html' } })).text();
    expect(html).toMatch(
      /<link\s+rel="alternate"\s+type="application\/atom\+xml"[^>]*href="\/feed.atom"/,
    );
  });
});

describe('on the demo community', () => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await startTestApp({ client: true, seed: true, jobs: false });
  });

  it('every feed (each list, each starter tag) is well-formed and every entry opens', async () => {
    const paths = [
      ...threadSorts.map((s) => `/feed.atom?sort=${s}`),
      '/feed.rss',
      ...starterTags.map((t) => `/t/${t}/feed.atom`),
    ];
    const links = new Set<string>();
    for (const p of paths) {
      const res = await fetch(demo.url + p);
      expect(res.status, p).toBe(200);
      const text = await res.text();
      expect(XMLValidator.validate(text), p).toBe(true);
      for (const m of text.matchAll(
        /<link(?: rel="alternate" type="text\/html")? href="([^"]+\/q\/[^"]+)"\/>|<link>([^<]+)<\/link>/g,
      ))
        links.add(m[1] ?? m[2]!);
    }
    expect(links.size).toBeGreaterThan(30);
    for (const l of links) {
      const res = await fetch(l, { headers: { accept: 'text/html' } });
      expect(res.status, l).toBe(200);
    }
  });

  it('the sitemap lists every public demo thread', async () => {
    const index = parser.parse(await (await fetch(`${demo.url}/sitemap.xml`)).text()) as Parsed;
    const locs: string[] = [];
    for (const map of index.sitemapindex.sitemap) {
      const text = await (await fetch(map.loc)).text();
      expect(XMLValidator.validate(text), map.loc).toBe(true);
      locs.push(...((parser.parse(text) as Parsed).urlset.url ?? []).map((u) => u.loc));
    }
    const visible = await demo.ctx.db
      .selectFrom('threads')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('hidden_at', 'is', null)
      .execute();
    expect(visible.length).toBeGreaterThan(40);
    for (const t of visible) expect(locs).toContain(`${demo.url}/q/${t.id}`);
  });
});
