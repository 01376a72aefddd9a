import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../server/db/types';
import type { ReplyNode, ThreadDetail } from '../../shared/api/threads';
import { TREE_DEPTH_LIMIT } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { createTestDatabase } from '../helpers/db';
import { hoursAgo, postReply, postThread, forumTestEnv, setCreatedAt } from './forum-helpers';

let app: TestApp;
let asker: Client;
let alice: Client;
let bob: Client;
let mod: Client;
let queries = 0;

beforeAll(async () => {
  // Count every query the app sends, to prove page cost does not grow with the page.
  const database = await createTestDatabase();
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: database.pool }),
    log: (e) => {
      if (e.level === 'query') {
        queries++;
        if (process.env.SHOW_QUERIES) console.log(e.query.sql.slice(0, 120));
      }
    },
  });
  // No job workers: their queries (mail for the replies posted below) would land in the count.
  app = await startTestApp({ env: forumTestEnv, database: { ...database, db }, jobs: false });
  asker = await signIn(app, await createUser(app.ctx.db));
  alice = await signIn(app, await createUser(app.ctx.db));
  bob = await signIn(app, await createUser(app.ctx.db));
  mod = await signIn(app, await createUser(app.ctx.db, { role: 'moderator' }));
});

const get = async (threadId: string, sort = 'oldest') =>
  (await anonymous(app).get(`/api/threads/${threadId}?sort=${sort}`).expect(200))
    .body as ThreadDetail;
const shape = (d: { replies: ReplyNode[] }) =>
  d.replies.map((r) => [r.bodyHtml.replace(/<\/?p>|\n/g, ''), r.depth, r.state]);

describe('reply tree', () => {
  it('nests to any depth and comes back depth-first with parent ids', async () => {
    const t = await postThread(asker);
    const a = await postReply(alice, t.thread.id, { body: 'A' });
    const b = await postReply(bob, t.thread.id, { body: 'B' });
    const a1 = await postReply(bob, t.thread.id, { parentId: a.id, body: 'A1' });
    await postReply(alice, t.thread.id, { parentId: a1.id, body: 'A1a' });
    await postReply(asker, t.thread.id, { parentId: b.id, body: 'B1' });
    const d = await get(t.thread.id);
    expect(shape(d)).toEqual([
      ['A', 0, 'visible'],
      ['A1', 1, 'visible'],
      ['A1a', 2, 'visible'],
      ['B', 0, 'visible'],
      ['B1', 1, 'visible'],
    ]);
    expect(d.replies[1]!.parentId).toBe(a.id);
    expect(d.replies[0]!.permalink).toBe(`/q/${t.thread.id}/r/${a.id}`);
    expect(d.thread.replyCount).toBe(5);
    const newest = await get(t.thread.id, 'newest');
    expect(shape(newest).map((s) => s[0])).toEqual(['B', 'B1', 'A', 'A1', 'A1a']);
  });

  it('a deleted reply with replies stays as [deleted]; without, it disappears', async () => {
    const t = await postThread(asker);
    const a = await postReply(alice, t.thread.id, { body: 'A' });
    const a1 = await postReply(bob, t.thread.id, { parentId: a.id, body: 'A1' });
    const b = await postReply(bob, t.thread.id, { body: 'B' });
    await alice.delete(`/api/replies/${a.id}`).expect(204);
    await bob.delete(`/api/replies/${b.id}`).expect(204);
    let d = await get(t.thread.id);
    expect(shape(d)).toEqual([
      ['', 0, 'deleted'],
      ['A1', 1, 'visible'],
    ]);
    expect(d.replies[0]!.author.handle).toBe('[deleted]');
    expect(d.thread.replyCount).toBe(1);
    // Deleting the last child makes the deleted parent disappear too.
    await bob.delete(`/api/replies/${a1.id}`).expect(204);
    d = await get(t.thread.id);
    expect(d.replies).toEqual([]);
    expect(d.thread.replyCount).toBe(0);
    // Only the author or a moderator deletes; deleting twice is harmless.
    const c = await postReply(alice, t.thread.id, { body: 'C' });
    await bob.delete(`/api/replies/${c.id}`).expect(403);
    await mod.delete(`/api/replies/${c.id}`).expect(204);
    await mod.delete(`/api/replies/${c.id}`).expect(204);
  });

  it('cannot reply to a reply of another thread, or to a deleted one', async () => {
    const t1 = await postThread(asker);
    const t2 = await postThread(asker);
    const r = await postReply(alice, t1.thread.id);
    const wrong = await bob
      .post(`/api/threads/${t2.thread.id}/replies`)
      .send({ id: randomUUID(), parentId: r.id, body: 'hello' })
      .expect(400);
    expect(wrong.body.error.field).toBe('parentId');
    await alice.delete(`/api/replies/${r.id}`).expect(204);
    const gone = await bob
      .post(`/api/threads/${t1.thread.id}/replies`)
      .send({ id: randomUUID(), parentId: r.id, body: 'hello' })
      .expect(400);
    expect(gone.body.error.message).toMatch(/removed/);
    await bob
      .post(`/api/threads/${randomUUID()}/replies`)
      .send({ id: randomUUID(), body: 'hello' })
      .expect(404);
  });

  it('deep branches stop at the depth limit with a count; the subtree endpoint continues', async () => {
    const t = await postThread(asker);
    let parentId: string | null = null;
    const chain: ReplyNode[] = [];
    for (let i = 0; i < TREE_DEPTH_LIMIT + 3; i++) {
      const r: ReplyNode = await postReply(i % 2 ? alice : bob, t.thread.id, {
        parentId,
        body: `level ${i}`,
      });
      chain.push(r);
      parentId = r.id;
    }
    const d = await get(t.thread.id);
    expect(d.replies).toHaveLength(TREE_DEPTH_LIMIT);
    const edge = d.replies.at(-1)!;
    expect(edge.moreReplies).toBe(3);
    expect(edge.childCount).toBe(1);
    const sub = await anonymous(app)
      .get(`/api/threads/${t.thread.id}/replies/${chain[TREE_DEPTH_LIMIT]!.id}`)
      .expect(200);
    expect(sub.body.focusId).toBe(chain[TREE_DEPTH_LIMIT]!.id);
    expect(sub.body.ancestors.map((r: ReplyNode) => r.id)).toEqual(
      chain.slice(0, TREE_DEPTH_LIMIT).map((r) => r.id),
    );
    expect(sub.body.replies.map((r: ReplyNode) => r.depth)).toEqual([
      TREE_DEPTH_LIMIT,
      TREE_DEPTH_LIMIT + 1,
      TREE_DEPTH_LIMIT + 2,
    ]);
    const loc = await anonymous(app).get(`/api/replies/${chain[5]!.id}`).expect(200);
    expect(loc.body).toEqual({
      threadId: t.thread.id,
      replyId: chain[5]!.id,
      depth: 5,
      permalink: `/q/${t.thread.id}/r/${chain[5]!.id}`,
    });
    await anonymous(app).get(`/api/threads/${t.thread.id}/replies/${randomUUID()}`).expect(404);
  });

  it('loads the whole tree with the same number of queries for 3 or 120 replies', async () => {
    const small = await postThread(asker);
    for (let i = 0; i < 3; i++) await postReply(alice, small.thread.id);
    const big = await postThread(asker);
    let parent: string | null = null;
    for (let i = 0; i < 120; i++) {
      const r: ReplyNode = await postReply(i % 2 ? alice : bob, big.thread.id, {
        parentId: i % 3 === 0 ? null : parent,
      });
      parent = r.id;
    }
    const count = async (path: string, client = anonymous(app)) => {
      const before = queries;
      await client.get(path).expect(200);
      return queries - before;
    };
    const smallQ = await count(`/api/threads/${small.thread.id}`);
    const bigQ = await count(`/api/threads/${big.thread.id}`);
    expect(bigQ).toBe(smallQ);
    expect(bigQ).toBeGreaterThan(0);
    expect(bigQ).toBeLessThanOrEqual(2);
    // Signed in (votes and permissions per reply) it is still constant.
    expect(await count(`/api/threads/${big.thread.id}`, alice)).toBe(
      await count(`/api/threads/${small.thread.id}`, alice),
    );
    // Lists too.
    await count('/api/threads?sort=hot&limit=2');
    expect(await count('/api/threads?sort=hot&limit=50')).toBe(
      await count('/api/threads?sort=hot&limit=2'),
    );
  });
});

describe('this helped me', () => {
  it('only the asker marks; marked replies come first and the thread counts as answered', async () => {
    const t = await postThread(asker);
    const a = await postReply(alice, t.thread.id, { body: 'early' });
    const b = await postReply(bob, t.thread.id, { body: 'the useful one' });
    const mine = await postReply(asker, t.thread.id, { body: 'my own' });
    await alice.put(`/api/replies/${b.id}/helpful`).expect(403);
    await asker.put(`/api/replies/${mine.id}/helpful`).expect(403);
    const res = await asker.put(`/api/replies/${b.id}/helpful`).expect(200);
    expect(res.body).toEqual({ helpful: true, answered: true, helpfulReplyIds: [b.id] });
    const d = await get(t.thread.id, 'best');
    expect(d.thread.answered).toBe(true);
    expect(d.helpfulReplyIds).toEqual([b.id]);
    expect(d.helpfulReplies[0]!.id).toBe(b.id);
    expect(d.replies[0]!.id).toBe(b.id);
    expect(d.replies[0]!.helpful).toBe(true);
    const unanswered = await anonymous(app).get('/api/threads?sort=unanswered&limit=100');
    expect(unanswered.body.items.map((i: { id: string }) => i.id)).not.toContain(t.thread.id);
    const off = await asker.delete(`/api/replies/${b.id}/helpful`).expect(200);
    expect(off.body).toEqual({ helpful: false, answered: false, helpfulReplyIds: [] });
    expect(a.id).toBeTruthy();
  });
});

describe('best order', () => {
  it('ranks by votes with gentle gravity, oldest first on ties', async () => {
    const t = await postThread(asker);
    const old = await postReply(alice, t.thread.id, { body: 'old, well voted' });
    const fresh = await postReply(bob, t.thread.id, { body: 'fresh, no votes' });
    const mid = await postReply(alice, t.thread.id, { body: 'mid, one vote' });
    await setCreatedAt(app.ctx.db, 'replies', old.id, hoursAgo(10));
    await app.ctx.db.updateTable('replies').set({ points: 6 }).where('id', '=', old.id).execute();
    await app.ctx.db.updateTable('replies').set({ points: 2 }).where('id', '=', mid.id).execute();
    const d = await get(t.thread.id, 'best');
    expect(d.replies.map((r) => r.id)).toEqual([old.id, mid.id, fresh.id]);
  });
});

describe('duplicates and retries', () => {
  it('same reply id twice creates one reply; same body to the same parent is a 409', async () => {
    const t = await postThread(asker);
    const id = randomUUID();
    const send = () =>
      alice.post(`/api/threads/${t.thread.id}/replies`).send({ id, body: 'retry me' });
    const [x, y] = await Promise.all([send(), send()]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    const dup = await alice
      .post(`/api/threads/${t.thread.id}/replies`)
      .send({ id: randomUUID(), body: 'retry me' })
      .expect(409);
    expect(dup.body.error.existingUrl).toBe(`/q/${t.thread.id}/r/${id}`);
    // To another parent it is a different reply.
    await alice
      .post(`/api/threads/${t.thread.id}/replies`)
      .send({ id: randomUUID(), parentId: id, body: 'retry me' })
      .expect(201);
    const d = await get(t.thread.id);
    expect(d.replies).toHaveLength(2);
  });
});
