import { sql } from 'kysely';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { forumCaches } from '../../server/forum/read-cache';
import { anonymousCache } from '../../server/http/anonymous-cache';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { postReply, postThread } from './forum-helpers';

let app: TestApp;
let asker: Client;
let other: Client;

beforeAll(async () => {
  app = await startTestApp({
    env: {
      FORUM_LIST_CACHE_SECONDS: '60',
      FORUM_THREAD_CACHE_SECONDS: '60',
      FORUM_POSTS_PER_HOUR_NEW: '100',
    },
  });
  asker = await signIn(app, await createUser(app.ctx.db));
  other = await signIn(app, await createUser(app.ctx.db));
});

describe('read caches', () => {
  it('serve anonymous readers from memory until a write, which shows at once', async () => {
    const t = await postThread(asker);
    const first = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    expect(first.body.replies).toHaveLength(0);
    // A change behind the app's back is not seen while cached (proves the cache is used)…
    await sql`UPDATE threads SET points = 42 WHERE id = ${t.thread.id}`.execute(app.ctx.db);
    const cached = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    expect(cached.body.thread.points).toBe(1);
    // …members read the very same shared body (their own part comes fresh, separately)…
    const mine = await other.get(`/api/threads/${t.thread.id}`).expect(200);
    expect(mine.text).toBe(cached.text);
    // …and any write through the app empties the caches.
    await postReply(other, t.thread.id, { body: 'fresh reply' });
    const fresh = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    expect(fresh.body.replies).toHaveLength(1);
    expect(fresh.body.thread.points).toBe(42);
  });

  it('lists too', async () => {
    const before = await anonymous(app).get('/api/threads?sort=new').expect(200);
    const t = await postThread(other);
    const after = await anonymous(app).get('/api/threads?sort=new').expect(200);
    expect(after.body.items[0].id).toBe(t.thread.id);
    expect(after.body.items.length).toBe(before.body.items.length + 1);
  });

  it('answers 304 to a matching ETag, and brotli or gzip when accepted', async () => {
    const t = await postThread(asker, { body: 'long '.repeat(500) });
    const res = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    const etag = res.headers.etag as string;
    expect(etag).toBeTruthy();
    await anonymous(app).get(`/api/threads/${t.thread.id}`).set('If-None-Match', etag).expect(304);
    const gz = await request(app.url)
      .get(`/api/threads/${t.thread.id}`)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    // supertest already inflated it; the header says it travelled compressed.
    expect(JSON.parse((gz.body as Buffer).toString()).thread.id).toBe(t.thread.id);

    // Browsers also take brotli, which is smaller; `;q=0` turns an encoding down.
    const raw = async (acceptEncoding: string) => {
      const res = await fetch(`${app.url}/api/threads/${t.thread.id}`, {
        headers: { 'accept-encoding': acceptEncoding },
      });
      return { encoding: res.headers.get('content-encoding'), vary: res.headers.get('vary') };
    };
    expect(await raw('gzip, deflate, br, zstd')).toEqual({
      encoding: 'br',
      vary: 'Accept-Encoding',
    });
    expect((await raw('br;q=0, gzip')).encoding).toBe('gzip');
    expect((await raw('identity')).encoding).toBeNull();
    const br = await request(app.url)
      .get(`/api/threads/${t.thread.id}`)
      .set('Accept-Encoding', 'br')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse((br.body as Buffer).toString()).thread.id).toBe(t.thread.id);
  });

  it('the front door answers a repeat anonymous read before Express, headers and all', async () => {
    const t = await postThread(asker);
    const url = `/api/threads/${t.thread.id}?sort=oldest`;
    const first = await anonymous(app).get(url).expect(200);
    expect(anonymousCache(app.ctx).peek(url)?.etag).toBe(first.headers.etag);
    // Empty the route's own cache: only the front door's copy can still answer stale data.
    forumCaches(app.ctx).threads.clear();
    await sql`UPDATE threads SET points = 7 WHERE id = ${t.thread.id}`.execute(app.ctx.db);
    const second = await anonymous(app).get(url).expect(200);
    expect(second.body.thread.points).toBe(1);
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    // A member gets the same public bytes from the front door (per-person: /viewer).
    const mine = await asker.get(url).expect(200);
    expect(mine.body.thread.points).toBe(1);
    expect(mine.headers.etag).toBe(first.headers.etag);
    // Another query string is another entry.
    const other = await anonymous(app).get(`/api/threads/${t.thread.id}?sort=newest`).expect(200);
    expect(other.body.thread.points).toBe(7);
  });

  it('errors are not cached', async () => {
    await anonymous(app).get('/api/threads/00000000-0000-4000-8000-000000000000').expect(404);
    await anonymous(app).get('/api/threads?sort=new&cursor=bad').expect(400);
    expect(anonymousCache(app.ctx).peek('/api/threads?sort=new&cursor=bad')).toBeUndefined();
  });
});
