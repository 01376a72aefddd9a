import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatEventEnvelope } from '../../shared/api/chat';
import { startJobs, type Jobs } from '../../server/jobs';
import { CHAT_UNREAD_QUEUE } from '../../server/chat/unread-email';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { ask, collect, connectSocket, eventually, type ClientSocket } from '../helpers/cluster';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { createPair } from './chat-fixtures';

let app: TestApp;
let jobs: Jobs;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({
    env: { SMTP_URL: smtp.url, CHAT_EMAIL_DELAY_MINUTES: '0.02', CHAT_MESSAGES_PER_10S: '10' },
  });
  jobs = await startJobs(app.ctx);
  return () => jobs.stop();
});

async function pairSignedIn() {
  const pair = await createPair(app.ctx.db);
  const [mentor, mentee] = await Promise.all([signIn(app, pair.mentor), signIn(app, pair.mentee)]);
  return { ...pair, mentorClient: mentor, menteeClient: mentee };
}

const joinedSocket = async (client: Client, conversationId: string): Promise<ClientSocket> => {
  const socket = await connectSocket(app.url, client.cookie);
  const res = await ask(socket, 'chat:join', { conversationId, lastSeq: 0 });
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return socket;
};

/** Jobs of the unread-email queue that finished (completed or failed), for event-driven waits. */
const finishedJobs = async () =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job
        WHERE name = ${CHAT_UNREAD_QUEUE} AND state IN ('completed', 'failed')`.execute(app.ctx.db)
    ).rows[0]!.n,
  );

describe('chat: access', () => {
  it('a third person gets 404 on every route and socket event, and no event reaches them', async () => {
    const { conversationId, mentorClient } = await pairSignedIn();
    const stranger = await signIn(app, await createUser(app.ctx.db));
    const base = `/api/conversations/${conversationId}`;
    const { body: sent } = await mentorClient
      .post(`${base}/messages`)
      .send({ id: randomUUID(), body: 'Hello!' })
      .expect(201);
    const mid = sent.id as string;
    for (const [method, path, body] of [
      ['get', base],
      ['get', `${base}/messages`],
      ['post', `${base}/messages`, { id: randomUUID(), body: 'let me in' }],
      ['post', `${base}/read`, { seq: 1 }],
      ['patch', `${base}/messages/${mid}`, { body: 'mine now' }],
      ['delete', `${base}/messages/${mid}`],
      ['put', `${base}/messages/${mid}/pin`, { pinned: true }],
      ['post', `${base}/messages/${mid}/report`, { reason: 'spam' }],
    ] as const) {
      const res = await (stranger[method](path) as ReturnType<Client['get']>).send(body ?? {});
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const socket = await connectSocket(app.url, stranger.cookie);
    const events = collect(socket, 'chat:event');
    for (const [event, input] of [
      ['chat:join', { conversationId }],
      ['chat:send', { conversationId, id: randomUUID(), body: 'hi' }],
      ['chat:read', { conversationId, seq: 1 }],
      ['chat:typing', { conversationId, typing: true }],
      ['chat:replay', { conversationId, lastSeq: 0 }],
    ] as const) {
      const res = await ask(socket, event as 'chat:join', input as never);
      expect(res.ok ? 'ok' : res.error.code, event).toBe('not_found');
    }
    // A sentinel: the stranger's own conversation gets an event; nothing of the pair's came before.
    const theirs = await createPair(app.ctx.db);
    const theirClient = await signIn(app, theirs.mentor);
    const own = await joinedSocket(theirClient, theirs.conversationId);
    const ownEvents = collect(own, 'chat:event');
    await mentorClient
      .post(`${base}/messages`)
      .send({ id: randomUUID(), body: 'secret' })
      .expect(201);
    await theirClient
      .post(`/api/conversations/${theirs.conversationId}/messages`)
      .send({ id: randomUUID(), body: 'sentinel' })
      .expect(201);
    await eventually(() => expect(ownEvents).toHaveLength(1));
    expect(events).toEqual([]);
  });

  it('bad input names the field; a read-only conversation refuses sends and says why', async () => {
    const { conversationId, mentorClient, mentorshipId, mentor } = await pairSignedIn();
    const url = `/api/conversations/${conversationId}/messages`;
    const empty = await mentorClient.post(url).send({ id: randomUUID(), body: '  ' }).expect(400);
    expect(empty.body.error.field).toBe('body');
    const long = await mentorClient.post(url).send({ id: randomUUID(), body: 'x'.repeat(4001) });
    expect([long.status, long.body.error.field]).toEqual([400, 'body']);
    const badId = await mentorClient.post(url).send({ id: 'nope', body: 'hi' }).expect(400);
    expect(badId.body.error.field).toBe('id');
    await mentorClient
      .post(url)
      .send({ id: randomUUID(), body: 'x'.repeat(4000) })
      .expect(201);

    await app.ctx.db
      .updateTable('mentorships')
      .set({ status: 'ended', ended_at: new Date(), ended_by: mentor.id })
      .where('id', '=', mentorshipId)
      .execute();
    const refused = await mentorClient.post(url).send({ id: randomUUID(), body: 'still?' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/read-only/);
    const detail = await mentorClient.get(`/api/conversations/${conversationId}`).expect(200);
    expect(detail.body.ended.by).toBe('Priya Raman');
    expect(detail.body.canSend).toBe(false);
  });

  it('a suspended member cannot send, nor an account deleted, on a socket opened before', async () => {
    // (Their HTTP requests are refused at the session already; a socket stays open until the
    // moderation or deletion code drops it, so every send checks again.)
    const { conversationId, mentorClient, menteeClient, mentor, mentee } = await pairSignedIn();
    const mentorSocket = await joinedSocket(mentorClient, conversationId);
    const menteeSocket = await joinedSocket(menteeClient, conversationId);
    const send = (socket: ClientSocket) =>
      ask(socket, 'chat:send', { conversationId, id: randomUUID(), body: 'still here?' });
    await app.ctx.db
      .updateTable('users')
      .set({ suspended_until: new Date(Date.now() + 86_400_000) })
      .where('id', '=', mentor.id)
      .execute();
    const refused = await send(mentorSocket);
    expect(refused.ok ? 'ok' : [refused.error.code, refused.error.message]).toEqual([
      'forbidden',
      'Suspended members cannot send messages',
    ]);
    await app.ctx.db
      .updateTable('users')
      .set({ deleted_at: new Date() })
      .where('id', '=', mentee.id)
      .execute();
    const gone = await send(menteeSocket);
    expect(gone.ok ? 'ok' : gone.error.code).toBe('not_found');
    const rows = await app.ctx.db
      .selectFrom('chat_messages')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('a flood is refused with a message a person understands', async () => {
    const { conversationId, mentorClient } = await pairSignedIn();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mentorClient
          .post(`/api/conversations/${conversationId}/messages`)
          .send({ id: randomUUID(), body: `flood ${i}` }),
      ),
    );
    const refused = results.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(5);
    expect(results.length - refused.length).toBeGreaterThanOrEqual(10);
    expect(refused[0]!.body.error.message).toMatch(
      /sending messages very fast.*your message is kept/,
    );
  });
});

describe('chat: delivery', () => {
  it('a resent id gets the same ack and never a second row; events arrive in order', async () => {
    const { conversationId, mentorClient, menteeClient } = await pairSignedIn();
    const reader = await joinedSocket(menteeClient, conversationId);
    const events = collect(reader, 'chat:event');
    const writer = await joinedSocket(mentorClient, conversationId);
    const id = randomUUID();
    const acks = await Promise.all(
      [1, 2, 3].map(() => ask(writer, 'chat:send', { conversationId, id, body: 'Same message' })),
    );
    const http = await mentorClient
      .post(`/api/conversations/${conversationId}/messages`)
      .send({ id, body: 'Same message' })
      .expect(201);
    const data = acks.map((a) => (a.ok ? a.data : a.error));
    expect(data).toEqual([http.body, http.body, http.body]);
    expect(http.body).toMatchObject({ id, seq: 1 });
    const rows = await app.ctx.db
      .selectFrom('chat_messages')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows).toHaveLength(1);
    const second = await ask(writer, 'chat:send', {
      conversationId,
      id: randomUUID(),
      body: 'Two',
    });
    expect(second.ok && second.data?.seq).toBe(2);
    await eventually(() => expect(events.map((e) => e.seq)).toEqual([1, 2]));

    // A reconnecting client gets exactly what it missed.
    const late = await connectSocket(app.url, menteeClient.cookie);
    const res = await ask(late, 'chat:join', { conversationId, lastSeq: 1 });
    expect(res.ok && res.data?.events?.map((e: ChatEventEnvelope) => e.seq)).toEqual([2]);
  });

  it('edit, delete, pin and done reach the other side; read moves "Seen" live', async () => {
    const { conversationId, mentorClient, menteeClient, mentee } = await pairSignedIn();
    const mentorSocket = await joinedSocket(mentorClient, conversationId);
    const reads = collect(mentorSocket, 'chat:read');
    const events = collect(mentorSocket, 'chat:event');
    const base = `/api/conversations/${conversationId}/messages`;
    const a = (
      await mentorClient.post(base).send({ id: randomUUID(), body: 'Update your **CV** summary' })
    ).body;
    await menteeClient.put(`${base}/${a.id}/pin`).send({ pinned: true }).expect(200);
    await menteeClient.put(`${base}/${a.id}/done`).send({ done: true }).expect(200);
    const edited = await mentorClient
      .patch(`${base}/${a.id}`)
      .send({ body: 'Update your CV' })
      .expect(200);
    expect(edited.body.editedAt).not.toBeNull();
    await menteeClient.patch(`${base}/${a.id}`).send({ body: 'not mine' }).expect(403);
    const b = (await mentorClient.post(base).send({ id: randomUUID(), body: 'oops' })).body;
    const deleted = await mentorClient.delete(`${base}/${b.id}`).expect(200);
    expect([deleted.body.deletedAt !== null, deleted.body.bodyHtml]).toEqual([true, '']);
    const detail = (await menteeClient.get(`/api/conversations/${conversationId}`)).body;
    expect(detail.pinned.map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect(detail.firstUnreadSeq).toBe(1);

    const read = await menteeClient
      .post(`/api/conversations/${conversationId}/read`)
      .send({ seq: 99 });
    expect(read.body.unread).toBe(0);
    await eventually(() =>
      expect(reads).toContainEqual({ conversationId, userId: mentee.id, lastReadSeq: b.seq }),
    );
    await eventually(() => expect(events.at(-1)?.event.message.deletedAt).not.toBeNull());
    const page = (await menteeClient.get(`${base}?limit=1`)).body;
    expect([page.items.length, page.hasOlder]).toEqual([1, true]);
  });

  it('read marks arriving together are coalesced without losing the highest one', async () => {
    const { conversationId, mentorClient, menteeClient, mentee } = await pairSignedIn();
    const mentorSocket = await joinedSocket(mentorClient, conversationId);
    const reads = collect(mentorSocket, 'chat:read');
    const menteeSocket = await joinedSocket(menteeClient, conversationId);
    for (let i = 1; i <= 5; i++)
      await mentorClient
        .post(`/api/conversations/${conversationId}/messages`)
        .send({ id: randomUUID(), body: `Note ${i}` })
        .expect(201);
    const acks = await Promise.all(
      [3, 1, 5, 2, 4, 5, 1].map((seq) => ask(menteeSocket, 'chat:read', { conversationId, seq })),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const row = await app.ctx.db
      .selectFrom('conversation_participants')
      .select('last_read_seq')
      .where('conversation_id', '=', conversationId)
      .where('user_id', '=', mentee.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.last_read_seq)).toBe(5);
    await eventually(() => expect(reads.at(-1)?.lastReadSeq).toBe(5));
    const seen = reads.map((r) => r.lastReadSeq);
    expect(seen).toEqual([...seen].sort((x, y) => x - y)); // "Seen" only moves forward
    const badge = await menteeClient.get('/api/conversations/unread').expect(200);
    expect(badge.body.unread).toBe(0);
  });

  it('a rolled-back send emits nothing and schedules no email', async () => {
    const { conversationId, mentorClient, menteeClient } = await pairSignedIn();
    const reader = await joinedSocket(menteeClient, conversationId);
    const events = collect(reader, 'chat:event');
    const badges = collect(reader, 'chat:activity');
    // The write fails at its very end: a deferred trigger raises at COMMIT, after the
    // message, its event, its sequence number and its email job were all written.
    await sql`CREATE OR REPLACE FUNCTION chat_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'test rollback'; END $$`.execute(app.ctx.db);
    await sql`CREATE CONSTRAINT TRIGGER chat_test_fail AFTER INSERT ON chat_messages
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.conversation_id = ${sql.lit(conversationId)}::uuid)
      EXECUTE FUNCTION chat_test_fail()`.execute(app.ctx.db);
    const url = `/api/conversations/${conversationId}/messages`;
    const failed = await mentorClient.post(url).send({ id: randomUUID(), body: 'boom' });
    expect(failed.status).toBe(500);
    await sql`DROP TRIGGER chat_test_fail ON chat_messages`.execute(app.ctx.db);
    const jobsFor = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job
      WHERE name = ${CHAT_UNREAD_QUEUE} AND data->>'conversationId' = ${conversationId}`.execute(
      app.ctx.db,
    );
    expect(Number(jobsFor.rows[0]!.n)).toBe(0);
    // Sentinel: the next send is seq 1 (the failed one gave its number back) and is the only event.
    const ok = await mentorClient.post(url).send({ id: randomUUID(), body: 'fine' }).expect(201);
    expect(ok.body.seq).toBe(1);
    await eventually(() => expect(events).toHaveLength(1));
    expect(events[0]!.event.message.bodyMarkdown).toBe('fine');
    await eventually(() => expect(badges).toEqual([{ conversationId, unread: 1 }]));
  });
});

describe('chat: unread email', () => {
  it('one email for a burst after the delay, with the messages and a link', async () => {
    const { conversationId, mentorClient, mentee } = await pairSignedIn();
    const url = `/api/conversations/${conversationId}/messages`;
    for (const body of ['Saw your draft.', 'Two notes on the CV summary.', 'Call Thursday?'])
      await mentorClient.post(url).send({ id: randomUUID(), body }).expect(201);
    const mail = await smtp.waitFor((m) => m.to === mentee.email, 20_000);
    expect(mail.subject).toBe('Priya Raman sent you 3 messages');
    expect(mail.text).toContain('Call Thursday?');
    expect(mail.links.some((l) => l.endsWith(`/messages/${conversationId}`))).toBe(true);
    await eventually(async () => {
      const n = await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job
        WHERE name = ${CHAT_UNREAD_QUEUE} AND data->>'conversationId' = ${conversationId}`.execute(
        app.ctx.db,
      );
      expect(Number(n.rows[0]!.n)).toBe(1);
    });
    expect(smtp.messages.filter((m) => m.to === mentee.email)).toHaveLength(1);
  });

  it('a burst queues one job; the next burst after the email queues the next', async () => {
    const { conversationId, mentorClient, mentee } = await pairSignedIn();
    const url = `/api/conversations/${conversationId}/messages`;
    const jobs = async () =>
      Number(
        (
          await sql<{ n: string }>`SELECT count(*) AS n FROM pgboss.job
            WHERE name = ${CHAT_UNREAD_QUEUE} AND data->>'conversationId' = ${conversationId}`.execute(
            app.ctx.db,
          )
        ).rows[0]!.n,
      );
    for (const body of ['First thought on your CV.', 'And a second one.'])
      await mentorClient.post(url).send({ id: randomUUID(), body }).expect(201);
    expect(await jobs()).toBe(1);
    const first = await smtp.waitFor((m) => m.to === mentee.email, 20_000);
    expect(first.text).toContain('And a second one.');
    // Still unread, but already told: a later message is news, and gets a mail of its own.
    await mentorClient
      .post(url)
      .send({ id: randomUUID(), body: 'Later: the intro call is set.' })
      .expect(201);
    await eventually(async () => expect(await jobs()).toBe(2));
    const second = await smtp.waitFor(
      (m) => m.to === mentee.email && m.text.includes('the intro call is set'),
      20_000,
    );
    expect(second.text).not.toContain('First thought on your CV.');
    expect(smtp.messages.filter((m) => m.to === mentee.email)).toHaveLength(2);
  });

  it('one setting for chat emails: Messages, /settings/notifications and one-click unsubscribe', async () => {
    const { conversationId, mentorClient, menteeClient, mentee } = await pairSignedIn();
    const url = `/api/conversations/${conversationId}/messages`;
    // Off on the Messages page is "in the app only" on the notifications page, and back.
    await menteeClient.put('/api/chat/settings').send({ emailUnread: false }).expect(200);
    const settings = await menteeClient.get('/api/me/notification-settings').expect(200);
    expect(settings.body.channels.chat_message).toBe('app');
    await menteeClient.put('/api/chat/settings').send({ emailUnread: true }).expect(200);
    expect(
      (await menteeClient.get('/api/me/notification-settings').expect(200)).body.channels
        .chat_message,
    ).toBe('email');

    await mentorClient.post(url).send({ id: randomUUID(), body: 'First burst' }).expect(201);
    const mail = await smtp.waitFor((m) => m.to === mentee.email, 20_000);
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const target = /<([^>]+)>/.exec(mail.header('List-Unsubscribe') ?? '')![1]!;
    expect(mail.links).toContain(target);
    // A mail client's one-click POST: no cookie, no CSRF token.
    const path = new URL(target).pathname + new URL(target).search;
    await request(app.url).post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await menteeClient.get('/api/chat/settings').expect(200)).body.emailUnread).toBe(false);

    // The next burst waits unread and sends nothing.
    const before = await finishedJobs();
    await mentorClient.post(url).send({ id: randomUUID(), body: 'Second burst' }).expect(201);
    await eventually(async () => expect(await finishedJobs()).toBeGreaterThan(before), 20_000);
    expect(smtp.messages.filter((m) => m.to === mentee.email)).toHaveLength(1);
  });

  it('no email when the message was read in time', async () => {
    const { conversationId, mentorClient, menteeClient, mentee } = await pairSignedIn();
    const before = await finishedJobs();
    const sent = await mentorClient
      .post(`/api/conversations/${conversationId}/messages`)
      .send({ id: randomUUID(), body: 'Read me quickly' })
      .expect(201);
    await menteeClient
      .post(`/api/conversations/${conversationId}/read`)
      .send({ seq: sent.body.seq });
    await eventually(async () => expect(await finishedJobs()).toBe(before + 1), 20_000);
    expect(smtp.messages.filter((m) => m.to === mentee.email)).toEqual([]);
  });

  it('two workers (two instances) on the same queue send it once', async () => {
    const second = await startJobs(app.ctx);
    try {
      const { conversationId, mentorClient, mentee } = await pairSignedIn();
      const before = await finishedJobs();
      await mentorClient
        .post(`/api/conversations/${conversationId}/messages`)
        .send({ id: randomUUID(), body: 'Only once, please' })
        .expect(201);
      await smtp.waitFor((m) => m.to === mentee.email, 20_000);
      await eventually(async () => expect(await finishedJobs()).toBe(before + 1), 20_000);
      expect(smtp.messages.filter((m) => m.to === mentee.email)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
