import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../server/db/types';
import { buildDigestBatch } from '../../server/digests/build';
import type { DigestContent } from '../../server/digests/content';
import { runDigestSchedule } from '../../server/digests/jobs';
import { previewDigest } from '../../server/digests/preview';
import type { ThreadSummary } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type TestUser } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { createPair } from './chat-fixtures';
import { goodMessage } from './mentorship-fixtures';
import { forumTestEnv, postReply, postThread, setCreatedAt } from './forum-helpers';

let app: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({ env: { ...forumTestEnv, SMTP_URL: smtp.url } });
});

const longAgo = new Date(Date.now() - 3 * 86_400_000);
const setInactive = (...users: TestUser[]) =>
  app.ctx.db
    .updateTable('users')
    .set({ last_active_at: longAgo })
    .where(
      'id',
      'in',
      users.map((u) => u.id),
    )
    .execute();
/**
 * The next schedule run covers the last 24 hours: exactly one 08:00 UTC (everyone's default
 * digest time) falls in a half-open 24-hour window, whatever the time of day the test runs.
 */
const dueSinceYesterday = () =>
  app.ctx.db
    .insertInto('digest_runs')
    .values({ id: 1, last_run_at: new Date(Date.now() - 24 * 3_600_000) })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ last_run_at: new Date(Date.now() - 24 * 3_600_000) }),
    )
    .execute();
const path = (url: string) => new URL(url).pathname;

describe('digest: unread chat messages per conversation', () => {
  it('lists each conversation with unread messages (name, count, latest excerpt, link) and drops it once read', async () => {
    const { mentor, mentee, conversationId } = await createPair(app.ctx.db);
    const priya = await signIn(app, mentor);
    const devon = await signIn(app, mentee);
    const send = (client: typeof priya, body: string) =>
      client
        .post(`/api/conversations/${conversationId}/messages`)
        .send({ id: randomUUID(), body })
        .expect(201);
    const first = await send(devon, 'Thanks for the call yesterday!'); // never unread for Devon
    await priya
      .post(`/api/conversations/${conversationId}/read`)
      .send({ seq: first.body.seq })
      .expect(200);
    await send(priya, 'Here is the outline I mentioned.');
    const last = await send(priya, 'And **one more thing**: bring your roadmap draft on Thursday.');
    await setInactive(mentor, mentee);

    await dueSinceYesterday();
    await runDigestSchedule(app.ctx);
    const mail = await smtp.waitFor((m) => m.to === mentee.email);
    expect(mail.subject).toBe('2 unread messages from Priya Raman');
    expect(mail.text).toContain('UNREAD MESSAGES');
    expect(mail.text).toContain(
      'Priya Raman · 2 unread messages: “And one more thing: bring your roadmap draft on Thursday.”',
    );
    expect(mail.links.map(path)).toContain(`/messages/${conversationId}`);
    // Priya read what Devon wrote: nothing for her.
    await expect
      .poll(() =>
        app.ctx.db
          .selectFrom('digest_deliveries')
          .select('status')
          .where('user_id', '=', mentor.id)
          .executeTakeFirst(),
      )
      .toEqual({ status: 'empty' });

    // Devon reads the conversation: the section is gone from his next digest.
    await devon
      .post(`/api/conversations/${conversationId}/read`)
      .send({ seq: last.body.seq })
      .expect(200);
    expect(await previewDigest(app.ctx.db, app.ctx.config, mentee.handle, false)).toEqual({
      none: expect.stringContaining('nothing for a digest'),
    });
    // A new message comes back, counted alone.
    await send(priya, 'Running 5 minutes late.');
    const again = await previewDigest(app.ctx.db, app.ctx.config, mentee.handle, false);
    expect(again).toMatchObject({ subject: '1 unread message from Priya Raman' });
  });

  it('leaves the section out for people who turned chat emails off or keep chat in the app', async () => {
    const a = await createPair(app.ctx.db);
    const b = await createPair(app.ctx.db);
    for (const p of [a, b])
      await (
        await signIn(app, p.mentor)
      )
        .post(`/api/conversations/${p.conversationId}/messages`)
        .send({ id: randomUUID(), body: 'Checking in on your week.' })
        .expect(201);
    const before = await previewDigest(app.ctx.db, app.ctx.config, a.mentee.handle, false);
    expect(before).toMatchObject({ subject: '1 unread message from Priya Raman' });
    await (
      await signIn(app, a.mentee)
    )
      .put('/api/chat/settings')
      .send({ emailUnread: false })
      .expect(200);
    const settings = await (
      await signIn(app, b.mentee)
    )
      .get('/api/me/notification-settings')
      .expect(200);
    await (
      await signIn(app, b.mentee)
    )
      .put('/api/me/notification-settings')
      .send({
        channels: { chat_message: 'app' },
        digest: settings.body.digest,
        timeZone: settings.body.timeZone,
      })
      .expect(200);
    for (const p of [a, b])
      expect(
        await previewDigest(app.ctx.db, app.ctx.config, p.mentee.handle, false),
      ).toHaveProperty('none');
  });
});

describe('digest: top threads in the tags I follow', () => {
  it('lists the period’s top 5 by the forum’s TOP order, without my own threads or ones in another section', async () => {
    const reader = await createUser(app.ctx.db, { displayName: 'Reader Rae' });
    const authors = await Promise.all([1, 2, 3].map(() => createUser(app.ctx.db)));
    const readerClient = await signIn(app, reader);
    const clients = await Promise.all(authors.map((u) => signIn(app, u)));
    await readerClient.post('/api/tags/pm-interviews/follow').expect(200);
    await readerClient.post('/api/tags/apm-programs/follow').expect(200);

    const tag = 'pm-interviews';
    const made: { id: string; points: number }[] = [];
    for (let i = 0; i < 8; i++) {
      const t = await postThread(clients[i % 3]!, {
        title: `Followed-tag question ${i}: how do you prepare?`,
        tags: i === 7 ? ['apm-programs'] : [tag],
      });
      made.push({ id: t.thread.id, points: [4, 9, 2, 9, 6, 1, 3, 5][i]! });
    }
    const mine = await postThread(readerClient, {
      title: 'My own interview question',
      tags: [tag],
    });
    const old = await postThread(clients[0]!, {
      title: 'An older interview question',
      tags: [tag],
    });
    const elsewhere = await postThread(clients[1]!, { title: 'Not in my tags', tags: ['mba'] });
    // Before the period (a daily digest's period is the day before its due time, so at most
    // 48 hours back from now).
    await setCreatedAt(app.ctx.db, 'threads', old.thread.id, new Date(Date.now() - 72 * 3_600_000));
    // Votes from the wider community, as points (the TOP order reads points).
    for (const [id, points] of [
      ...made.map((m) => [m.id, m.points] as const),
      [mine.thread.id, 50],
      [old.thread.id, 50],
      [elsewhere.thread.id, 50],
    ] as const)
      await app.ctx.db.updateTable('threads').set({ points }).where('id', '=', id).execute();
    // The reader follows the 9-point thread #1 and someone replies there: it is in the
    // "threads you follow" section, so not repeated in the top threads.
    await readerClient.put(`/api/threads/${made[1]!.id}/follow`).expect(200);
    await postReply(clients[2]!, made[1]!.id, { body: 'The loop has four rounds.' });
    await setInactive(reader);

    // What the forum itself calls top this week in those tags, minus the exclusions.
    const forumTop = async (t: string) =>
      (
        (await readerClient.get(`/api/threads?sort=top&period=week&tag=${t}&limit=50`).expect(200))
          .body.items as ThreadSummary[]
      ).map((x) => ({ id: x.id, points: x.points, createdAt: x.createdAt }));
    const expected = [...(await forumTop('pm-interviews')), ...(await forumTop('apm-programs'))]
      .filter((x) => ![mine.thread.id, old.thread.id, made[1]!.id].includes(x.id))
      .sort(
        (a, b) =>
          b.points - a.points || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
      )
      .slice(0, 5)
      .map((x) => x.id);
    expect(expected).toEqual([3, 4, 7, 0, 6].map((i) => made[i]!.id));

    await dueSinceYesterday();
    await runDigestSchedule(app.ctx);
    const mail = await smtp.waitFor((m) => m.to === reader.email);
    expect(mail.subject).toBe('1 reply in threads you follow, 5 top threads in tags you follow');
    // The section's links, in order (the "threads you follow" section links to /q/… too).
    const section = mail.text.split('TOP THREADS IN TAGS YOU FOLLOW')[1]!.split('\n\n')[1]!;
    const topLinks = [...section.matchAll(/https?:\/\/\S+/g)].map((m) => path(m[0]));
    expect(topLinks).toEqual(expected.map((id) => `/q/${id}`));
    expect(mail.text).toContain('TOP THREADS IN TAGS YOU FOLLOW');
    expect(mail.text).toContain(
      'Followed-tag question 3: how do you prepare? (pm-interviews · 9 points · 0 replies)',
    );
    expect(mail.text).toContain(
      'Followed-tag question 7: how do you prepare? (apm-programs · 5 points',
    );
    for (const t of [mine, old, elsewhere]) expect(mail.text).not.toContain(t.thread.title);

    // Unfollowing both tags: the section is left out, and the subject no longer counts it.
    await readerClient.delete('/api/tags/pm-interviews/follow').expect(200);
    await readerClient.delete('/api/tags/apm-programs/follow').expect(200);
    const after = await previewDigest(app.ctx.db, app.ctx.config, reader.handle, false);
    expect(after).toMatchObject({ subject: '1 reply in threads you follow' });
    expect((after as { text: string }).text).not.toContain('TOP THREADS');
  });
});

describe('digest: queries per batch', () => {
  it('stays the same as the batch grows, with every section filled for everyone', async () => {
    const counting = () => {
      let n = 0;
      const db = new Kysely<DB>({
        dialect: new PostgresDialect({ pool: app.ctx.pool }),
        log: (e) => {
          if (e.level === 'query') n++;
        },
      });
      return { db, count: () => n };
    };
    // People with a reply on their question, an unread chat message, a mentorship request and a
    // followed tag with a new thread: every section of the builder has rows for each of them.
    const everyone = async (size: number) => {
      const people: string[] = [];
      for (let i = 0; i < size; i++) {
        const { mentee, mentor, conversationId } = await createPair(app.ctx.db);
        people.push(mentee.id);
        await sql`
          INSERT INTO chat_messages (id, conversation_id, seq, sender_id, body_md, body_html)
          VALUES (gen_random_uuid(), ${conversationId}, 1, ${mentor.id}, 'Hello there', '<p>Hello there</p>')`.execute(
          app.ctx.db,
        );
        await app.ctx.db
          .insertInto('mentorship_requests')
          .values({
            // The digest is the mentee's; the request waits for their answer.
            asker_id: mentor.id,
            mentor_id: mentee.id,
            message: goodMessage,
            status: 'open',
            expires_at: new Date(Date.now() + 86_400_000),
          })
          .execute();
        await app.ctx.db
          .insertInto('tag_follows')
          .values({ user_id: mentee.id, tag: 'resume' })
          .execute();
      }
      await sql`
        INSERT INTO notifications (user_id, kind, payload)
        SELECT id, 'reply_to_thread', jsonb_build_object('threadId', gen_random_uuid(),
               'replyId', gen_random_uuid(), 'title', 'A question', 'excerpt', 'A reply',
               'by', jsonb_build_object('displayName', 'Rob'))
          FROM users WHERE id = ANY(${people}::uuid[])`.execute(app.ctx.db);
      return people;
    };
    const author = await signIn(app, await createUser(app.ctx.db));
    await postThread(author, { title: 'A fresh question about resumes', tags: ['resume'] });

    const counts: number[] = [];
    for (const size of [1, 4, 16]) {
      const people = await everyone(size);
      const period = `daily:count-${size}`;
      await app.ctx.db
        .insertInto('digest_deliveries')
        .values(people.map((user_id) => ({ user_id, period, since: longAgo })))
        .execute();
      const { db, count } = counting();
      const r = await db.transaction().execute((trx) =>
        buildDigestBatch(
          trx,
          { DIGEST_ACTIVE_HOURS: 0 },
          people.map((userId) => ({ userId, period })),
        ),
      );
      expect(r.queued).toBe(size);
      counts.push(count());
      expect(r.queries).toBeLessThanOrEqual(count());
      const rows = await app.ctx.db
        .selectFrom('digest_deliveries')
        .select('content')
        .where('period', '=', period)
        .execute();
      for (const row of rows) {
        const c = row.content as unknown as DigestContent;
        expect([
          c.threads.length,
          c.requests.length,
          c.chats?.length,
          c.tagThreads?.length,
        ]).toEqual([1, 1, 1, 1]);
      }
    }
    expect(new Set(counts).size, `queries per batch of 1, 4, 16: ${counts.join(', ')}`).toBe(1);
  });
});
