/**
 * Two things the chat needed from the rest of the forum: its flood limit holds across
 * instances (each instance's own bucket would let N instances take N times the limit), and a
 * reported message reaches the moderators' queue with the five messages before it and
 * nothing else of the private conversation.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { createPair } from './chat-fixtures';

const LIMIT = 6;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  const env = { CHAT_MESSAGES_PER_10S: String(LIMIT) };
  a = await startTestApp({ env, jobs: false });
  b = await startTestApp({ env, jobs: false, database: a.database });
});

const send = (client: Client, conversationId: string, body: string) =>
  client.post(`/api/conversations/${conversationId}/messages`).send({ id: randomUUID(), body });

describe('chat flood limit', () => {
  it('holds across instances: the limit is per person, not per instance', async () => {
    const pair = await createPair(a.ctx.db);
    const onA = await signIn(a, pair.mentor);
    const onB = await signIn(b, pair.mentor);
    // Half the limit on each instance: each one's own bucket still has tokens left.
    for (let i = 0; i < LIMIT / 2; i++) {
      expect((await send(onA, pair.conversationId, `from A ${i}`)).status).toBe(201);
      expect((await send(onB, pair.conversationId, `from B ${i}`)).status).toBe(201);
    }
    const refused = await send(onB, pair.conversationId, 'one too many');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(refused.body.error.message).toMatch(/sending messages very fast.*your message is kept/);
    const stored = await a.ctx.db
      .selectFrom('chat_messages')
      .select('body_md')
      .where('conversation_id', '=', pair.conversationId)
      .execute();
    expect(stored).toHaveLength(LIMIT);
    expect(stored.map((m) => m.body_md)).not.toContain('one too many');
    // The other participant has a limit of their own.
    const other = await signIn(a, pair.mentee);
    expect((await send(other, pair.conversationId, 'my turn')).status).toBe(201);
  });
});

describe('chat reports in the moderation queue', () => {
  it('shows a reported message with the five before it, nothing else; resolving closes it', async () => {
    const pair = await createPair(a.ctx.db);
    const mentor = await signIn(a, pair.mentor);
    const mentee = await signIn(a, pair.mentee);
    const ids: string[] = [];
    // Eight messages, taking turns: four each stays within either person's limit.
    for (let i = 1; i <= 8; i++) {
      const m = await send(i % 2 ? mentor : mentee, pair.conversationId, `message number ${i}`);
      expect(m.status, JSON.stringify(m.body)).toBe(201);
      ids.push(m.body.id);
    }
    const reported = ids[7]!; // message 8, sent by the mentee
    const report = (client: Client, reason: string) =>
      client
        .post(`/api/conversations/${pair.conversationId}/messages/${reported}/report`)
        .send({ reason });
    expect((await report(mentor, 'harassment')).status).toBe(201);

    const moderator = await signIn(a, await createUser(a.ctx.db, { role: 'moderator' }));
    const member = await signIn(a, await createUser(a.ctx.db));
    expect((await member.get('/api/moderation/chat-reports')).status).toBe(403);
    expect((await request(a.url).get('/api/moderation/chat-reports')).status).toBe(401);

    const queue = await moderator.get('/api/moderation/chat-reports').expect(200);
    const item = queue.body.items.find((i: { messageId: string }) => i.messageId === reported);
    expect(item).toBeDefined();
    expect(item.context.map((c: { bodyHtml: string }) => c.bodyHtml.trim())).toEqual(
      [3, 4, 5, 6, 7, 8].map((n) => `<p>message number ${n}</p>`),
    );
    expect(item.context.at(-1).reported).toBe(true);
    expect(item.context.filter((c: { reported: boolean }) => c.reported)).toHaveLength(1);
    expect(item.reports).toHaveLength(1);
    expect(item.reports[0].reason).toBe('harassment');
    expect(item.reports[0].reporter.handle).toBe(pair.mentor.handle);
    expect(item.participants.map((p: { handle: string }) => p.handle).sort()).toEqual(
      [pair.mentor.handle, pair.mentee.handle].sort(),
    );
    // Nothing of the conversation beyond those six.
    const everything = JSON.stringify(queue.body);
    expect(everything).not.toContain('message number 1<');
    expect(everything).not.toContain('message number 2<');

    // A second report of the same message joins the same item.
    expect((await report(mentee, 'other')).status).toBe(201);
    const again = await moderator.get('/api/moderation/chat-reports').expect(200);
    const same = again.body.items.filter((i: { messageId: string }) => i.messageId === reported);
    expect(same).toHaveLength(1);
    expect(same[0].reports).toHaveLength(2);

    // Members cannot resolve; a moderator can, once, and it is in the log.
    expect(
      (await member.post(`/api/moderation/chat-reports/${reported}/resolve`).send({})).status,
    ).toBe(403);
    const resolved = await moderator
      .post(`/api/moderation/chat-reports/${reported}/resolve`)
      .send({ reason: 'Talked to both; no further action.' })
      .expect(200);
    expect(resolved.body.closedFlags).toBe(2);
    const after = await moderator.get('/api/moderation/chat-reports').expect(200);
    expect(after.body.items.map((i: { messageId: string }) => i.messageId)).not.toContain(reported);
    const twice = await moderator.post(`/api/moderation/chat-reports/${reported}/resolve`).send({});
    expect(twice.status).toBe(404);
    const log = await moderator.get(`/api/moderation/audit?targetId=${reported}`).expect(200);
    expect(log.body.items[0]).toMatchObject({
      action: 'resolve_chat_report',
      targetType: 'chat_message',
    });
    // Bad input names the field.
    const bad = await moderator.post('/api/moderation/chat-reports/not-a-uuid/resolve').send({});
    expect(bad.status).toBe(400);
    const badCursor = await moderator.get('/api/moderation/chat-reports?cursor=nonsense');
    expect(badCursor.status).toBe(400);
    expect(JSON.stringify(badCursor.body)).toContain('cursor');
  });

  it('pages through reported messages by cursor, each once', async () => {
    const moderator = await signIn(a, await createUser(a.ctx.db, { role: 'moderator' }));
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const pair = await createPair(a.ctx.db);
      const sender = await signIn(a, pair.mentee);
      const reporter = await signIn(a, pair.mentor);
      const m = await send(sender, pair.conversationId, `page test ${i}`);
      made.push(m.body.id);
      await reporter
        .post(`/api/conversations/${pair.conversationId}/messages/${m.body.id}/report`)
        .send({ reason: 'spam' })
        .expect(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { messageId: string }[]; nextCursor: string | null } } =
        await moderator
          .get('/api/moderation/chat-reports')
          .query({ limit: 1, ...(cursor ? { cursor } : {}) })
          .expect(200);
      seen.push(...res.body.items.map((i: { messageId: string }) => i.messageId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of made) expect(seen).toContain(id);
  });
});
