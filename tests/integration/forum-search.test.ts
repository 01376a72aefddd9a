import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit, SearchResults } from '../../shared/api/search';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { postReply, postThread, forumTestEnv } from './forum-helpers';

let app: TestApp;
let maya: Client;
let tomas: Client;
const ids: Record<string, string> = {};

const search = async (qs: string) =>
  (await anonymous(app).get(`/api/search?${qs}`).expect(200)).body as SearchResults;
const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

beforeAll(async () => {
  app = await startTestApp({ env: forumTestEnv });
  maya = await signIn(app, await createUser(app.ctx.db, { handle: 'maya_search' }));
  tomas = await signIn(app, await createUser(app.ctx.db, { handle: 'tomas_search' }));
  ids.titleHit = (
    await postThread(maya, {
      title: 'Roadmap ownership as a startup engineer',
      body: 'How do I get there?',
      tags: ['startups'],
    })
  ).thread.id;
  ids.tagHit = (
    await postThread(maya, {
      title: 'Question about consulting firms',
      body: 'Which firms hire former engineers?',
      tags: ['consulting', 'career-switch'],
    })
  ).thread.id;
  ids.bodyHit = (
    await postThread(tomas, {
      title: 'Internal transfer timelines',
      body: 'I wrote a roadmap for my team before asking for the transfer.',
      tags: ['internal-transfer'],
    })
  ).thread.id;
  const r = await postReply(tomas, ids.tagHit, {
    body: 'A roadmap document got me noticed by the consulting partner.',
  });
  ids.replyHit = r.id;
  await sql`UPDATE threads SET created_at = '2025-01-15T12:00:00Z' WHERE id = ${ids.bodyHit}`.execute(
    app.ctx.db,
  );
});

describe('search', () => {
  it('ranks title over body over replies, with highlighted snippets', async () => {
    const res = await search('q=roadmap');
    expect(res.items.map((h) => h.id)).toEqual([ids.titleHit, ids.bodyHit, ids.replyHit]);
    const [title, body, reply] = res.items as [SearchHit, SearchHit, SearchHit];
    expect(title.title.find((p) => p.match)?.text).toBe('Roadmap');
    expect(body.snippet.some((p) => p.match && /roadmap/i.test(p.text))).toBe(true);
    expect(reply.kind).toBe('reply');
    expect(reply.url).toBe(`/q/${ids.tagHit}/r/${ids.replyHit}`);
    expect(text(reply.snippet)).toContain('consulting partner');
  });

  it('tags count (weight B): a tag match finds the thread', async () => {
    const res = await search('q=consulting');
    expect(res.items[0]!.id).toBe(ids.tagHit);
  });

  it('understands quotes, -word and or', async () => {
    expect(
      (await search('q=' + encodeURIComponent('"roadmap document"'))).items.map((h) => h.id),
    ).toEqual([ids.replyHit]);
    expect(
      new Set(
        (await search('q=' + encodeURIComponent('roadmap -consulting'))).items.map((h) => h.id),
      ),
    ).toEqual(new Set([ids.titleHit, ids.bodyHit]));
    expect(
      new Set(
        (await search('q=' + encodeURIComponent('firms or timelines'))).items.map((h) => h.id),
      ),
    ).toEqual(new Set([ids.tagHit, ids.bodyHit]));
  });

  it('filters by tag, author and date', async () => {
    expect((await search('q=roadmap&tag=startups')).items.map((h) => h.id)).toEqual([ids.titleHit]);
    expect((await search('q=roadmap&author=@tomas_search')).items.map((h) => h.id)).toEqual([
      ids.bodyHit,
      ids.replyHit,
    ]);
    expect(
      (await search('q=roadmap&from=2025-01-01&to=2025-01-31')).items.map((h) => h.id),
    ).toEqual([ids.bodyHit]);
    expect((await search('q=roadmap&to=2025-01-15')).items.map((h) => h.id)).toEqual([ids.bodyHit]);
    const nobody = await search('q=roadmap&author=nobody_here');
    expect(nobody.items).toEqual([]);
    expect(nobody.notice).toMatch(/nobody_here/);
  });

  it('pages by key', async () => {
    const first = await search('q=roadmap&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await search(`q=roadmap&limit=2&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((h) => h.id)).toEqual([
      ids.titleHit,
      ids.bodyHit,
      ids.replyHit,
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['', /Type/],
    ['a', /at least 2/],
    ['the and of', /too common/],
    ['"', /./],
    ['((( !!! :* & | <->', /./],
    ["'; DROP TABLE threads; --", /./],
    ['-', /./],
    ['\u0001 control', /./],
    ['zzzzunmatched', /Nothing matches/],
    // Each `-` before a word is a NOT: past 32 in a row Postgres's parser overflowed (a 500).
    ['-'.repeat(36), /Type/],
    [`${'- '.repeat(40)}zzzzunmatched`, /Nothing matches/],
  ])('query %j gives a helpful empty result, never a 500', async (q, notice) => {
    const res = await search('q=' + encodeURIComponent(q));
    expect(res.items).toEqual([]);
    expect(res.notice).toMatch(notice);
  });

  it('refuses bad filters with a field', async () => {
    const res = await anonymous(app).get('/api/search?q=roadmap&from=yesterday').expect(400);
    expect(res.body.error.field).toBe('from');
    const long = await anonymous(app)
      .get(`/api/search?q=${'x'.repeat(201)}`)
      .expect(400);
    expect(long.body.error.field).toBe('q');
    // A NUL byte cannot reach Postgres text: refused, naming the field.
    const nul = await anonymous(app).get('/api/search?q=%00%01%20nul').expect(400);
    expect(nul.body.error.field).toBe('q');
  });

  it('does not find deleted posts', async () => {
    const t = await postThread(maya, { title: 'Ephemeral xylophone question', body: 'gone soon' });
    expect((await search('q=xylophone')).items).toHaveLength(1);
    await maya.delete(`/api/threads/${t.thread.id}`).expect(204);
    expect((await search('q=xylophone')).items).toHaveLength(0);
  });
});

describe('suggestions', () => {
  it('tags as you type, fuzzy', async () => {
    const res = await anonymous(app).get('/api/tags?q=intervw').expect(200);
    expect(res.body[0].slug).toBe('pm-interviews');
    const prefix = await anonymous(app).get('/api/tags?q=con').expect(200);
    expect(prefix.body[0].slug).toBe('consulting');
    const none = await anonymous(app).get('/api/tags').expect(200);
    expect(none.body.length).toBeGreaterThan(5);
    await anonymous(app).get('/api/tags?q=%25%25_').expect(200);
  });

  it('handles as you type', async () => {
    const res = await anonymous(app).get('/api/users/suggest?q=@toma').expect(200);
    expect(res.body[0]).toMatchObject({ handle: 'tomas_search' });
    expect(Object.keys(res.body[0]).sort()).toEqual(['displayName', 'handle', 'id']);
    const fuzzy = await anonymous(app).get('/api/users/suggest?q=maya_serch').expect(200);
    expect(fuzzy.body[0].handle).toBe('maya_search');
    expect((await anonymous(app).get('/api/users/suggest?q=').expect(200)).body).toEqual([]);
  });
});
