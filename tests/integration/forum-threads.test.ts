import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { hoursAgo, postReply, postThread, forumTestEnv, setCreatedAt } from './forum-helpers';

let app: TestApp;
let asker: Client;
let other: Client;
let mod: Client;

beforeAll(async () => {
  app = await startTestApp({ env: forumTestEnv });
  asker = await signIn(app, await createUser(app.ctx.db));
  other = await signIn(app, await createUser(app.ctx.db));
  mod = await signIn(app, await createUser(app.ctx.db, { role: 'moderator' }));
});

describe('creating threads', () => {
  it('stores the thread, renders safe HTML, follows it for the asker', async () => {
    const detail = await postThread(asker, {
      title: 'How do I show product thinking as a backend dev?',
      body: 'Asking @someone about **evidence**. <script>alert(1)</script>',
      tags: ['career-switch', 'internal-transfer'],
    });
    expect(detail.thread.title).toBe('How do I show product thinking as a backend dev?');
    expect(detail.thread.bodyHtml).toContain('<strong>evidence</strong>');
    expect(detail.thread.bodyHtml).toContain('<a href="/u/someone" class="mention">@someone</a>');
    expect(detail.thread.bodyHtml).not.toContain('<script');
    expect(detail.thread.viewer.following).toBe(true);
    expect(detail.thread.followerCount).toBe(1);
    expect(detail.thread.viewer.permissions).toMatchObject({ edit: true, vote: false });
    expect(detail.replies).toEqual([]);
    const list = await anonymous(app).get('/api/threads?sort=new').expect(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(detail.thread.id);
  });

  it.each([
    [{ title: 'short' }, 'title', /8–200/],
    [{ title: 'x'.repeat(201) }, 'title', /8–200/],
    [{ body: '   ' }, 'body', /empty/],
    [{ body: 'x'.repeat(40_001) }, 'body', /40,000/],
    [{ tags: [] }, 'tags', /1–5/],
    [{ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags', /1–5/],
    [{ tags: ['Not A Slug!'] }, 'tags.0', /slug/],
    [{ tags: ['career-switch', 'career-switch'] }, 'tags', /repeat/],
    [{ id: 'not-a-uuid' }, 'id', /uuid/],
  ])('refuses %j with a clear message on the field', async (override, field, message) => {
    const res = await asker.post('/api/threads').send({
      id: randomUUID(),
      title: 'A perfectly fine question title',
      body: 'A fine body',
      tags: ['career-switch'],
      ...override,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(message);
  });

  it('needs a signed-in member', async () => {
    await anonymous(app)
      .post('/api/threads')
      .send({ id: randomUUID(), title: 'Anonymous question here', body: 'x', tags: ['mba'] })
      .expect(401);
  });

  it('a retried submit with the same id creates nothing new; another member cannot reuse it', async () => {
    const id = randomUUID();
    const body = { id, title: 'Retry-safe question title', body: 'Same body', tags: ['mba'] };
    const first = await asker.post('/api/threads').send(body).expect(201);
    const again = await asker.post('/api/threads').send(body).expect(200);
    expect(again.body.thread.id).toBe(first.body.thread.id);
    const count = await app.ctx.db
      .selectFrom('threads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('title', '=', body.title)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    const stolen = await other.post('/api/threads').send({ ...body, title: 'Someone else title' });
    expect(stolen.status).toBe(409);
    expect(stolen.body.error.field).toBe('id');
  });

  it('the same body twice within 10 minutes is a 409 with a link to the first', async () => {
    const first = await postThread(asker, { body: 'Exactly this body, posted twice by mistake' });
    const res = await asker.post('/api/threads').send({
      id: randomUUID(),
      title: 'Different title same body',
      body: 'Exactly this body, posted twice by mistake',
      tags: ['mba'],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.existingId).toBe(first.thread.id);
    expect(res.body.error.existingUrl).toBe(`/q/${first.thread.id}`);
    // Someone else may post the same words.
    await postThread(other, { body: 'Exactly this body, posted twice by mistake' });
  });

  it('new tags need karma; starter tags and existing tags do not', async () => {
    const res = await asker.post('/api/threads').send({
      id: randomUUID(),
      title: 'Question with a brand new tag',
      body: 'Body with new tag',
      tags: ['brand-new-tag'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('tags');
    expect(res.body.error.message).toMatch(/karma/);
    await app.ctx.db
      .updateTable('users')
      .set({ karma: 500 })
      .where('id', '=', other.viewer.id)
      .execute();
    await postThread(other, { tags: ['brand-new-tag'] });
    await postThread(asker, { tags: ['brand-new-tag'] });
    const tags = await anonymous(app).get('/api/tags?q=brand').expect(200);
    expect(tags.body[0]).toMatchObject({ slug: 'brand-new-tag', threadCount: 2, starter: false });
  });
});

describe('editing', () => {
  it('keeps every earlier version as a revision and marks the thread edited', async () => {
    const t = await postThread(asker, { title: 'Original title of the question', body: 'v1' });
    await asker.patch(`/api/threads/${t.thread.id}`).send({ body: 'v2' }).expect(200);
    const res = await asker
      .patch(`/api/threads/${t.thread.id}`)
      .send({ title: 'Edited title of the question', body: 'v3', tags: ['mba', 'resume'] })
      .expect(200);
    expect(res.body.editedAt).not.toBeNull();
    expect(res.body.revisionCount).toBe(2);
    expect(res.body.bodyHtml).toContain('v3');
    const revs = await anonymous(app).get(`/api/threads/${t.thread.id}/revisions`).expect(200);
    expect(
      revs.body.map((r: { number: number; bodyHtml: string; title: string }) => [
        r.number,
        r.title,
        r.bodyHtml.trim(),
      ]),
    ).toEqual([
      [2, 'Original title of the question', '<p>v2</p>'],
      [1, 'Original title of the question', '<p>v1</p>'],
    ]);
  });

  it('replies too; an unchanged body makes no revision', async () => {
    const t = await postThread(asker);
    const r = await postReply(other, t.thread.id, { body: 'first words' });
    await other.patch(`/api/replies/${r.id}`).send({ body: 'first words' }).expect(200);
    const edited = await other
      .patch(`/api/replies/${r.id}`)
      .send({ body: 'better words' })
      .expect(200);
    expect(edited.body.revisionCount).toBe(1);
    expect(edited.body.editedAt).not.toBeNull();
    const revs = await anonymous(app).get(`/api/replies/${r.id}/revisions`).expect(200);
    expect(revs.body).toHaveLength(1);
    expect(revs.body[0].bodyHtml).toContain('first words');
  });

  it('authors can edit for 24 hours, moderators always, others never', async () => {
    const t = await postThread(asker);
    await other.patch(`/api/threads/${t.thread.id}`).send({ body: 'not mine' }).expect(403);
    await setCreatedAt(app.ctx.db, 'threads', t.thread.id, hoursAgo(25));
    const late = await asker.patch(`/api/threads/${t.thread.id}`).send({ body: 'too late' });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toMatch(/24 hours/);
    await mod.patch(`/api/threads/${t.thread.id}`).send({ body: 'moderator fix' }).expect(200);
    const audit = await mod.get(`/api/moderation/audit?targetId=${t.thread.id}`).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'edit', targetType: 'thread' });
  });
});

describe('following', () => {
  it('follow and unfollow are idempotent and counted', async () => {
    const t = await postThread(asker);
    const a = await other.put(`/api/threads/${t.thread.id}/follow`).expect(200);
    expect(a.body).toEqual({ following: true, followerCount: 2 });
    const b = await other.put(`/api/threads/${t.thread.id}/follow`).expect(200);
    expect(b.body.followerCount).toBe(2);
    const c = await other.delete(`/api/threads/${t.thread.id}/follow`).expect(200);
    expect(c.body).toEqual({ following: false, followerCount: 1 });
    await anonymous(app).put(`/api/threads/${t.thread.id}/follow`).expect(401);
    await other.put(`/api/threads/${randomUUID()}/follow`).expect(404);
  });
});

describe('reading', () => {
  it('404 for unknown threads, 400 for bad ids and sorts', async () => {
    await anonymous(app).get(`/api/threads/${randomUUID()}`).expect(404);
    const bad = await anonymous(app).get('/api/threads/123').expect(400);
    expect(bad.body.error.field).toBe('id');
    const sort = await anonymous(app).get('/api/threads?sort=wild').expect(400);
    expect(sort.body.error.field).toBe('sort');
    const cursor = await anonymous(app).get('/api/threads?cursor=garbage').expect(400);
    expect(cursor.body.error.field).toBe('cursor');
  });
});
