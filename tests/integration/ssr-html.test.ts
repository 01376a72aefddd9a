import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { forumTestEnv, postReply, postThread } from './forum-helpers';

/**
 * Server-rendered public pages, fetched as a crawler or a link preview does (no JavaScript):
 * the content, the head tags, the QAPage data, escaping, and the visitors' cache.
 */
let app: TestApp;
let asker: Client;
let answerer: Client;

beforeAll(async () => {
  // The forum's read caches on, as in production: the page cache lives as long as they do.
  app = await startTestApp({
    client: true,
    env: {
      ...forumTestEnv,
      FORUM_THREAD_CACHE_SECONDS: '60',
      FORUM_LIST_CACHE_SECONDS: '60',
    },
  });
  asker = await signIn(app, await createUser(app.ctx.db, { handle: 'ssr_asker' }));
  answerer = await signIn(app, await createUser(app.ctx.db, { handle: 'ssr_answerer' }));
});

const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${p}`, { headers: { accept: 'text/html', ...headers } });

async function document(p: string, headers: Record<string, string> = {}) {
  const res = await get(p, headers);
  const html = await res.text();
  const doc = parseDocument(html);
  const all = (test: (el: ReturnType<typeof DomUtils.findAll>[number]) => boolean) =>
    DomUtils.findAll(test, doc.children);
  const meta = (name: string) =>
    all((el) => el.name === 'meta' && (el.attribs.property === name || el.attribs.name === name))[0]
      ?.attribs.content;
  const root = all((el) => el.attribs.id === 'root')[0];
  const scripts = (type: string) =>
    all((el) => el.name === 'script' && el.attribs.type === type).map((el) =>
      JSON.parse(DomUtils.textContent(el)),
    );
  return {
    res,
    html,
    title: DomUtils.textContent(all((el) => el.name === 'title')[0]!),
    meta,
    canonical: all((el) => el.name === 'link' && el.attribs.rel === 'canonical')[0]?.attribs.href,
    rootText: root ? DomUtils.textContent(root) : '',
    jsonLd: scripts('application/ld+json'),
    pageData: all((el) => el.attribs.id === 'sb-page-data'),
  };
}

describe('a thread as HTML', () => {
  it('carries the question, the first replies, head tags and QAPage data', async () => {
    const t = await postThread(asker, {
      title: 'How did you explain the switch to your manager?',
      body: 'I lead a backend team.\n\nI want to try **product** work next year. How do I start the talk?',
      tags: ['career-switch'],
    });
    const helped = await postReply(answerer, t.thread.id, {
      body: 'Start with a project where you already do product work.',
    });
    await postReply(answerer, t.thread.id, { body: 'Ask for a trial quarter as an APM.' });
    await asker.put(`/api/replies/${helped.id}/helpful`).expect(200);

    const d = await document(`/q/${t.thread.id}`);
    expect(d.res.status).toBe(200);
    expect(d.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(d.title).toBe('How did you explain the switch to your manager? · Switchboard');
    // The page's own components, rendered: the question and its replies, readable without JS.
    expect(d.rootText).toContain('How did you explain the switch to your manager?');
    expect(d.rootText).toContain('I want to try product work next year');
    expect(d.rootText).toContain('Start with a project where you already do product work.');
    expect(d.rootText).toContain('Ask for a trial quarter as an APM.');
    expect(d.html).not.toContain('needs JavaScript');

    expect(d.meta('description')).toMatch(/^I lead a backend team\. I want to try product work/);
    // The configured public base (PUBLIC_URL; here unset: localhost), never the Host header.
    const canonical = d.canonical!;
    expect(new URL(canonical).pathname).toBe(
      `/q/${t.thread.id}/how-did-you-explain-the-switch-to-your-manager`,
    );
    expect(d.meta('og:url')).toBe(canonical);
    expect(d.meta('og:type')).toBe('article');
    expect(d.meta('og:title')).toBe(d.title);
    expect(d.meta('og:description')).toBe(d.meta('description'));
    expect(d.meta('twitter:card')).toBe('summary');
    expect(d.meta('twitter:title')).toBe(d.title);

    expect(d.jsonLd).toHaveLength(1);
    const q = d.jsonLd[0].mainEntity;
    expect(d.jsonLd[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'QAPage' });
    expect(q).toMatchObject({
      '@type': 'Question',
      name: 'How did you explain the switch to your manager?',
      answerCount: 2,
      upvoteCount: t.thread.points,
      dateCreated: t.thread.createdAt,
      author: { '@type': 'Person', name: t.thread.author.displayName },
      acceptedAnswer: {
        '@type': 'Answer',
        text: 'Start with a project where you already do product work.',
        url: new URL(`/q/${t.thread.id}/r/${helped.id}`, canonical).toString(),
      },
    });
    expect(q.text).toContain('How do I start the talk?');
    expect(q.suggestedAnswer.map((a: { text: string }) => a.text)).toEqual([
      'Ask for a trial quarter as an APM.',
    ]);
    // The query data the client hydrates with, as data (not script).
    expect(d.pageData).toHaveLength(1);
  });

  it('escapes a hostile title and body everywhere it appears', async () => {
    const title = `</script><script>alert("t")</script> "quoted" & 'single' <b>bold</b>`;
    const t = await postThread(asker, {
      title,
      body: `</script><img src=x onerror=alert(1)> and "quotes" & more text here`,
    });
    const d = await document(`/q/${t.thread.id}`);
    expect(d.res.status).toBe(200);
    expect(d.html).not.toMatch(/<script>alert/i);
    expect(d.html).not.toMatch(/<img src=x/i);
    expect(d.html).not.toContain('<b>bold</b>');
    expect(d.title).toBe(`${title} · Switchboard`);
    expect(d.meta('og:title')).toBe(`${title} · Switchboard`);
    expect(d.jsonLd[0].mainEntity.name).toBe(title);
    expect(d.rootText).toContain(title);
    // Exactly our own two data blocks and the app's module script: nothing broke out.
    expect(d.html.match(/<script\b/gi)).toHaveLength(3);
    const data = JSON.parse(DomUtils.textContent(d.pageData[0]!)) as {
      queries: { queries: { state: { data: unknown } }[] };
    };
    expect(JSON.stringify(data.queries.queries.map((q) => q.state.data))).toContain(
      JSON.stringify(title),
    );
  });

  it('keeps real status codes and no rendered page for unknown or deleted threads', async () => {
    const t = await postThread(asker);
    await asker.delete(`/api/threads/${t.thread.id}`).expect(204);
    const gone = await document(`/q/${t.thread.id}`);
    expect(gone.res.status).toBe(410);
    expect(gone.pageData).toHaveLength(0);
    const missing = await document('/q/00000000-0000-4000-8000-000000000000');
    expect(missing.res.status).toBe(404);
    expect(missing.html).toContain('<div id="root"></div>');
    expect((await get('/no/such/page')).status).toBe(404);
  });
});

describe('the visitors’ page cache', () => {
  it('serves a visitor’s second request from the cache, compressed, until a forum write', async () => {
    const t = await postThread(asker, { title: 'A question whose page is kept a while' });
    const first = await get(`/q/${t.thread.id}`, { 'accept-encoding': 'br' });
    expect(first.headers.get('content-encoding')).toBe('br');
    expect(first.headers.get('vary')).toMatch(/Cookie/);
    expect(await first.text()).toContain('A question whose page is kept a while');

    // Behind the app's back: a cached page does not see it…
    await app.ctx.db
      .updateTable('threads')
      .set({ title: 'Changed in the database only' })
      .where('id', '=', t.thread.id)
      .execute();
    const second = await get(`/q/${t.thread.id}`, { 'accept-encoding': 'gzip' });
    expect(second.headers.get('content-encoding')).toBe('gzip');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toContain('A question whose page is kept a while');
    const again = await get(`/q/${t.thread.id}`, { 'if-none-match': first.headers.get('etag')! });
    expect(again.status).toBe(304);

    // …and a forum write empties it, as it empties the JSON.
    await postReply(answerer, t.thread.id);
    expect(await (await get(`/q/${t.thread.id}`)).text()).toContain('Changed in the database only');
  });

  it('gives members the app shell, which fetches the page as the member', async () => {
    const t = await postThread(asker);
    const d = await document(`/q/${t.thread.id}`, { cookie: answerer.cookie });
    expect(d.res.status).toBe(200);
    expect(d.html).toContain('<div id="root"></div>');
    expect(d.pageData).toHaveLength(0);
  });
});

describe('the other public pages', () => {
  it('renders the home list, a tag, a profile and the paths with their titles', async () => {
    await postThread(asker, {
      title: 'Listed on the front page, rendered',
      tags: ['career-switch'],
    });
    const home = await document('/?sort=new');
    expect(home.title).toBe('Switchboard');
    expect(home.rootText).toContain('Listed on the front page, rendered');
    expect(new URL(home.canonical!).search).toBe('?sort=new');

    const tag = await document('/t/career-switch?sort=new');
    expect(tag.title).toBe('Questions tagged career-switch · Switchboard');
    expect(tag.rootText).toContain('Listed on the front page, rendered');

    const profile = await document('/u/ssr_asker');
    expect(profile.res.status).toBe(200);
    expect(profile.title).toMatch(/\(@ssr_asker\) · Switchboard$/);
    expect(profile.meta('og:type')).toBe('profile');
    expect(profile.rootText).toContain('@ssr_asker');

    const paths = await document('/paths');
    expect(paths.title).toBe('Paths into product management · Switchboard');
    expect(paths.pageData).toHaveLength(1);
  });
});
