import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ThreadDetail, ThreadViewerOverlay } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { postReply, postThread, readThreadAs } from './forum-helpers';

/**
 * Members read the shared public thread body (the same bytes visitors get, from the same
 * cache) plus their own overlay. With the caches ON, as in production: whoever reads first
 * fills the cache, so per-person data must never ride along in the shared body.
 */
let app: TestApp;
let asker: Client;
let ana: Client;
let ben: Client;
let mod: Client;

beforeAll(async () => {
  app = await startTestApp({
    env: {
      FORUM_LIST_CACHE_SECONDS: '60',
      FORUM_THREAD_CACHE_SECONDS: '60',
      FORUM_POSTS_PER_HOUR_NEW: '100',
      FORUM_VOTES_PER_DAY_NEW: '100',
    },
  });
  asker = await signIn(app, await createUser(app.ctx.db));
  ana = await signIn(app, await createUser(app.ctx.db));
  ben = await signIn(app, await createUser(app.ctx.db));
  mod = await signIn(app, await createUser(app.ctx.db, { role: 'moderator' }));
});

/** A thread with one reply by each member; Ana voted for Ben's and follows the thread. */
let scenes = 0;
async function scene() {
  scenes++;
  const t = await postThread(asker, {
    body: `Scene ${scenes}: which metrics matter in a first PM role? `.repeat(40),
  });
  const byAna = await postReply(ana, t.thread.id, {
    body: `Ana says: activation first (${scenes}).`,
  });
  const byBen = await postReply(ben, t.thread.id, {
    body: `Ben says: retention, later (${scenes}).`,
  });
  await ana.put(`/api/replies/${byBen.id}/vote`).expect(200);
  await ana.put(`/api/threads/${t.thread.id}/vote`).expect(200);
  await ana.put(`/api/threads/${t.thread.id}/follow`).expect(200);
  return { id: t.thread.id, byAna: byAna.id, byBen: byBen.id };
}

function expectAnasView(d: ThreadDetail, s: { byAna: string; byBen: string }) {
  const mine = d.replies.find((r) => r.id === s.byAna)!;
  const bens = d.replies.find((r) => r.id === s.byBen)!;
  expect(d.thread.viewer).toMatchObject({ voted: true, following: true });
  expect(d.thread.viewer.permissions).toMatchObject({ edit: false, vote: true, reply: true });
  expect(d.thread.bodyMarkdown).toBeUndefined();
  expect(mine.viewer).toMatchObject({ voted: false, permissions: { edit: true, delete: true } });
  expect(mine.viewer.permissions.vote).toBe(false); // not for her own reply
  expect(mine.bodyMarkdown).toMatch(/^Ana says: activation first/);
  expect(bens.viewer).toMatchObject({ voted: true, permissions: { edit: false, vote: true } });
  expect(bens.bodyMarkdown).toBeUndefined();
}

function expectBensView(d: ThreadDetail, s: { byAna: string; byBen: string }) {
  const anas = d.replies.find((r) => r.id === s.byAna)!;
  const mine = d.replies.find((r) => r.id === s.byBen)!;
  expect(d.thread.viewer).toMatchObject({ voted: false, following: false });
  expect(anas.viewer).toMatchObject({ voted: false, permissions: { edit: false, delete: false } });
  expect(anas.bodyMarkdown).toBeUndefined();
  expect(mine.viewer.permissions).toMatchObject({ edit: true, delete: true, vote: false });
  expect(mine.bodyMarkdown).toMatch(/^Ben says: retention, later/);
}

function expectVisitorsView(d: ThreadDetail) {
  expect(d.thread.viewer.voted).toBe(false);
  expect(d.thread.viewer.following).toBe(false);
  expect(d.thread.bodyMarkdown).toBeUndefined();
  for (const r of d.replies) {
    expect(r.viewer.voted).toBe(false);
    expect(Object.values(r.viewer.permissions).some(Boolean)).toBe(false);
    expect(r.bodyMarkdown).toBeUndefined();
  }
}

describe('a thread page from the shared body plus the overlay', () => {
  for (const order of [
    ['ana', 'ben', 'visitor'],
    ['visitor', 'ben', 'ana'],
  ] as const)
    it(`gives each reader their own part only (reading ${order.join(', ')})`, async () => {
      const s = await scene();
      const bodies: string[] = [];
      for (const who of order) {
        if (who === 'visitor') {
          const res = await anonymous(app).get(`/api/threads/${s.id}`).expect(200);
          bodies.push(res.text);
          expectVisitorsView(res.body as ThreadDetail);
        } else {
          const client = who === 'ana' ? ana : ben;
          bodies.push((await client.get(`/api/threads/${s.id}`).expect(200)).text);
          const d = await readThreadAs(client, s.id);
          if (who === 'ana') expectAnasView(d, s);
          else expectBensView(d, s);
        }
      }
      // One shared body for all three: nothing per-person in it.
      expect(new Set(bodies).size).toBe(1);
      expectVisitorsView(JSON.parse(bodies[0]!) as ThreadDetail);
    });

  it('an overlay holds only the asking member’s own rows, and none for visitors', async () => {
    const s = await scene();
    const o = (await ben.get(`/api/threads/${s.id}/viewer`).expect(200))
      .body as ThreadViewerOverlay;
    expect(o.viewer.id).toBe(ben.viewer.id);
    expect(o.votedReplyIds).toEqual([]);
    expect(Object.keys(o.replyMarkdown)).toEqual([s.byBen]);
    await anonymous(app).get(`/api/threads/${s.id}/viewer`).expect(401);
  });

  it('a member sees their own reply on the very next read', async () => {
    const s = await scene();
    await readThreadAs(ben, s.id); // the shared body is now cached
    const fresh = await postReply(ben, s.id, { body: 'Ben again: one more thought.' });
    const d = await readThreadAs(ben, s.id);
    const mine = d.replies.find((r) => r.id === fresh.id);
    expect(mine?.viewer.permissions.edit).toBe(true);
    expect(mine?.bodyMarkdown).toBe('Ben again: one more thought.');
  });

  it('moderators get their own build with hidden posts; members cannot ask for it', async () => {
    const s = await scene();
    await mod
      .post('/api/moderation/hide')
      .send({ targetType: 'reply', targetId: s.byBen, reason: 'test' })
      .expect(200);
    const modView = await readThreadAs(mod, s.id);
    expect(modView.replies.find((r) => r.id === s.byBen)!.bodyHtml).toContain('retention');
    const asAna = await ana.get(`/api/threads/${s.id}?view=moderation`).expect(200);
    expect(JSON.stringify(asAna.body)).not.toContain('retention');
  });
});

/** The raw bytes and headers, undecoded, so the test sees what travelled. */
function raw(path: string, headers: Record<string, string>) {
  return new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
    const req = httpRequest(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(r: { encoding: string | undefined; bytes: Buffer }): unknown {
  const text =
    r.encoding === 'br'
      ? brotliDecompressSync(r.bytes)
      : r.encoding === 'gzip'
        ? gunzipSync(r.bytes)
        : r.bytes;
  return JSON.parse(text.toString());
}

describe('compression on the Express path too', () => {
  it('decodes to the same JSON; identity and br;q=0 are honoured', async () => {
    const s = await scene();
    const headers = { cookie: mod.cookie, origin: app.url };
    // A moderator's own build is made per request by Express (not by the read caches).
    const path = `/api/threads/${s.id}?view=moderation`;
    const plain = await raw(path, { ...headers, 'accept-encoding': 'identity' });
    expect(plain.encoding).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(1024);
    const br = await raw(path, { ...headers, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.encoding).toBe('br');
    const gz = await raw(path, { ...headers, 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.encoding).toBe('gzip');
    const none = await raw(path, { ...headers, 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(none.encoding).toBeUndefined();
    const strip = (v: unknown) => ({ ...(v as ThreadDetail), eventSeq: 0 });
    expect(strip(decode(br))).toEqual(strip(decode(plain)));
    expect(strip(decode(gz))).toEqual(strip(decode(plain)));
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 2);
  });

  it('the shared body a member reads is compressed like a visitor’s', async () => {
    const s = await scene();
    const path = `/api/threads/${s.id}`;
    const visitor = await raw(path, { 'accept-encoding': 'br, gzip' });
    const member = await raw(path, { 'accept-encoding': 'br, gzip', cookie: ana.cookie });
    expect(member.encoding).toBe('br');
    expect(member.bytes.equals(visitor.bytes)).toBe(true);
    const plain = await raw(path, { 'accept-encoding': 'identity', cookie: ana.cookie });
    expect(decode(member)).toEqual(decode(plain));
  });
});
