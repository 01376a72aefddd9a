import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueItem } from '../../shared/api/moderation';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client, type TestUser } from '../helpers/auth';
import { postReply, postThread, forumTestEnv, readThreadAs } from './forum-helpers';

let app: TestApp;
let asker: Client;
let troll: Client;
let trollUser: TestUser;
let reporters: Client[];
let mod: Client;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp({ env: forumTestEnv });
  asker = await signIn(app, await createUser(app.ctx.db));
  trollUser = await createUser(app.ctx.db);
  troll = await signIn(app, trollUser);
  reporters = [
    await signIn(app, await createUser(app.ctx.db)),
    await signIn(app, await createUser(app.ctx.db)),
  ];
  mod = await signIn(app, await createUser(app.ctx.db, { role: 'moderator' }));
  admin = await signIn(app, await createUser(app.ctx.db, { role: 'admin' }));
});

const queue = async () =>
  (await mod.get('/api/moderation/flags').expect(200)).body.items as QueueItem[];

describe('flags', () => {
  it('members flag with a reason; the queue groups flags per item with context', async () => {
    const t = await postThread(asker, { body: 'Honest question about APM programs' });
    const spam = await postReply(troll, t.thread.id, { body: 'Buy followers at example.com' });
    const first = await reporters[0]!
      .post('/api/flags')
      .send({ targetType: 'reply', targetId: spam.id, reason: 'spam' })
      .expect(201);
    expect(first.body.created).toBe(true);
    const again = await reporters[0]!
      .post('/api/flags')
      .send({ targetType: 'reply', targetId: spam.id, reason: 'abuse' })
      .expect(200);
    expect(again.body).toEqual({ id: first.body.id, created: false });
    await reporters[1]!
      .post('/api/flags')
      .send({ targetType: 'reply', targetId: spam.id, reason: 'other', note: 'link farm' })
      .expect(201);
    const items = await queue();
    const item = items.find((i) => i.target.id === spam.id)!;
    expect(item.flags.map((f) => f.reason)).toEqual(['spam', 'other']);
    expect(item.flags[1]!.note).toBe('link farm');
    expect(item.target).toMatchObject({
      type: 'reply',
      threadId: t.thread.id,
      threadTitle: t.thread.title,
      hidden: false,
      url: `/q/${t.thread.id}/r/${spam.id}`,
    });
    expect(item.target.parentExcerpt).toContain('APM programs');
    expect(item.target.author.id).toBe(trollUser.id);
  });

  it.each([
    [{ reason: 'boring' }, 'reason'],
    [{ reason: 'other' }, 'note'],
    [{ targetType: 'user' }, 'targetType'],
    [{ targetId: 'nope' }, 'targetId'],
  ])('refuses a bad flag %j', async (override, field) => {
    const res = await reporters[0]!
      .post('/api/flags')
      .send({ targetType: 'thread', targetId: randomUUID(), reason: 'spam', ...override })
      .expect(400);
    expect(res.body.error.field).toBe(field);
  });

  it('own posts cannot be flagged; unknown ones are 404; anonymous is 401', async () => {
    const t = await postThread(asker);
    await asker
      .post('/api/flags')
      .send({ targetType: 'thread', targetId: t.thread.id, reason: 'spam' })
      .expect(403);
    await asker
      .post('/api/flags')
      .send({ targetType: 'reply', targetId: randomUUID(), reason: 'spam' })
      .expect(404);
    await anonymous(app)
      .post('/api/flags')
      .send({ targetType: 'thread', targetId: t.thread.id, reason: 'spam' })
      .expect(401);
  });
});

describe('moderator actions', () => {
  it('only moderators see the queue and act', async () => {
    await anonymous(app).get('/api/moderation/flags').expect(401);
    await asker.get('/api/moderation/flags').expect(403);
    await asker.get('/api/moderation/audit').expect(403);
    const t = await postThread(asker);
    await asker
      .post('/api/moderation/hide')
      .send({ targetType: 'thread', targetId: t.thread.id })
      .expect(403);
    await asker.post(`/api/moderation/threads/${t.thread.id}/lock`).send({}).expect(403);
    await asker
      .post(`/api/moderation/users/${trollUser.id}/suspend`)
      .send({ days: 1, reason: 'x' })
      .expect(403);
  });

  it('dismiss closes the flags; hide replaces content with a notice and restore brings it back', async () => {
    const t = await postThread(asker);
    const bad = await postReply(troll, t.thread.id, { body: 'rude words here' });
    const ok = await postReply(troll, t.thread.id, { body: 'an acceptable answer' });
    for (const id of [bad.id, ok.id])
      await reporters[0]!
        .post('/api/flags')
        .send({ targetType: 'reply', targetId: id, reason: 'abuse' })
        .expect(201);

    const dismissed = await mod
      .post('/api/moderation/flags/dismiss')
      .send({ targetType: 'reply', targetId: ok.id, reason: 'fine' })
      .expect(200);
    expect(dismissed.body).toMatchObject({ action: 'dismiss_flags', closedFlags: 1 });

    const hidden = await mod
      .post('/api/moderation/hide')
      .send({ targetType: 'reply', targetId: bad.id, reason: 'abusive' })
      .expect(200);
    expect(hidden.body).toMatchObject({ action: 'hide', closedFlags: 1 });
    const ids = (await queue()).map((i) => i.target.id);
    expect(ids).not.toContain(bad.id);
    expect(ids).not.toContain(ok.id);

    const seen = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    const node = seen.body.replies.find((r: { id: string }) => r.id === bad.id);
    expect(node.state).toBe('hidden');
    expect(node.bodyHtml).toMatch(/hid this post/);
    expect(node.bodyHtml).not.toContain('rude');
    expect(seen.body.thread.replyCount).toBe(1);
    // The public body is the same for members; moderators load their own build.
    const asMember = await troll.get(`/api/threads/${t.thread.id}`).expect(200);
    expect(asMember.text).toBe(seen.text);
    const modView = await readThreadAs(mod, t.thread.id);
    expect(modView.replies.find((r) => r.id === bad.id)!.bodyHtml).toContain('rude');
    await troll.patch(`/api/replies/${bad.id}`).send({ body: 'sneaky edit' }).expect(403);

    await mod
      .post('/api/moderation/restore')
      .send({ targetType: 'reply', targetId: bad.id })
      .expect(200);
    const back = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    expect(back.body.replies.find((r: { id: string }) => r.id === bad.id).bodyHtml).toContain(
      'rude',
    );
    expect(back.body.thread.replyCount).toBe(2);
  });

  it('a hidden thread leaves the lists and comes back on restore', async () => {
    const t = await postThread(asker, { title: 'A thread that will be hidden' });
    await mod
      .post('/api/moderation/hide')
      .send({ targetType: 'thread', targetId: t.thread.id })
      .expect(200);
    const list = await anonymous(app).get('/api/threads?sort=new&limit=100').expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(t.thread.id);
    const page = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    expect(page.body.thread.state).toBe('hidden');
    expect(page.body.thread.title).toBe('[hidden]');
    await mod
      .post('/api/moderation/restore')
      .send({ targetType: 'thread', targetId: t.thread.id })
      .expect(200);
    const again = await anonymous(app).get('/api/threads?sort=new&limit=100').expect(200);
    expect(again.body.items.map((i: { id: string }) => i.id)).toContain(t.thread.id);
  });

  it('a locked thread takes no replies until unlocked', async () => {
    const t = await postThread(asker);
    await mod
      .post(`/api/moderation/threads/${t.thread.id}/lock`)
      .send({ reason: 'heated' })
      .expect(200);
    const res = await troll
      .post(`/api/threads/${t.thread.id}/replies`)
      .send({ id: randomUUID(), body: 'one more thing' })
      .expect(403);
    expect(res.body.error.message).toMatch(/locked/);
    const d = await readThreadAs(troll, t.thread.id);
    expect(d.thread.locked).toBe(true);
    expect(d.thread.viewer.permissions.reply).toBe(false);
    await mod.post(`/api/moderation/threads/${t.thread.id}/unlock`).send({}).expect(200);
    await postReply(troll, t.thread.id);
  });

  it('suspension ends the member sessions and blocks writes until it ends', async () => {
    const victimUser = await createUser(app.ctx.db);
    const victim = await signIn(app, victimUser);
    const t = await postThread(asker);
    const res = await mod
      .post(`/api/moderation/users/${victimUser.id}/suspend`)
      .send({ days: 3, reason: 'spam wave' })
      .expect(200);
    expect(res.body.action).toBe('suspend');
    expect(res.body.endedSessions).toBeGreaterThanOrEqual(1);
    expect(new Date(res.body.suspendedUntil).getTime()).toBeGreaterThan(
      Date.now() + 2.9 * 86_400_000,
    );
    const session = await victim.get('/api/session').expect(200);
    expect(session.body.viewer).toBeNull();
    // Sign-in refuses them — after the right password only, saying until when and why…
    const again = await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: victimUser.handle, password: victimUser.password })
      .expect(403);
    expect(again.body.error.message).toMatch(/suspended until .* UTC \(reason: spam wave\)/);
    expect(again.headers['set-cookie'] ?? []).toHaveLength(0);
    const wrong = await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: victimUser.handle, password: 'not-the-password-at-all' })
      .expect(401);
    expect(JSON.stringify(wrong.body)).not.toMatch(/suspend/);
    // …and a session that slipped through (signed in as the suspension landed) is nobody.
    const slipped = await signIn(app, await createUser(app.ctx.db));
    await sql`UPDATE users SET suspended_until = now() + interval '1 day' WHERE id = ${slipped.viewer.id}`.execute(
      app.ctx.db,
    );
    expect((await slipped.get('/api/session').expect(200)).body.viewer).toBeNull();
    await mod.post(`/api/moderation/users/${victimUser.id}/unsuspend`).send({}).expect(200);
    const back = await signIn(app, victimUser);
    await postReply(back, t.thread.id);

    await mod
      .post(`/api/moderation/users/${mod.viewer.id}/suspend`)
      .send({ days: 1, reason: 'x' })
      .expect(403);
    await mod
      .post(`/api/moderation/users/${admin.viewer.id}/suspend`)
      .send({ days: 1, reason: 'x' })
      .expect(403);
    const bad = await mod
      .post(`/api/moderation/users/${victimUser.id}/suspend`)
      .send({ days: 0, reason: 'x' })
      .expect(400);
    expect(bad.body.error.field).toBe('days');
  });

  it('every action is in the audit log, newest first, paged', async () => {
    const first = await mod.get('/api/moderation/audit?limit=3').expect(200);
    expect(first.body.items).toHaveLength(3);
    const all = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await mod.get(`/api/moderation/audit?limit=3&cursor=${cursor}`).expect(200);
      all.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    const actions = all.map((e: { action: string }) => e.action);
    for (const a of ['dismiss_flags', 'hide', 'restore', 'lock', 'unlock', 'suspend', 'unsuspend'])
      expect(actions).toContain(a);
    const times = all.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all[0].moderator.id).toBe(mod.viewer.id);
  });
});
