import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../shared/api/notification-settings';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type TestUser } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { forumTestEnv, postReply, postThread } from './forum-helpers';

let app: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({ env: { ...forumTestEnv, SMTP_URL: smtp.url } });
});

const notificationsOf = (user: TestUser) =>
  app.ctx.db
    .selectFrom('notifications')
    .select(['kind', 'payload', 'dedupe_key'])
    .where('user_id', '=', user.id)
    .orderBy('id')
    .execute();

describe('notification kinds', () => {
  it('mentions: once per post, never the author, never inside code; emailed right away with one-click unsubscribe', async () => {
    const ana = await createUser(app.ctx.db, { handle: 'ana_author' });
    const ben = await createUser(app.ctx.db, { handle: 'ben_mentioned', displayName: 'Ben' });
    const cyd = await createUser(app.ctx.db, { handle: 'cyd_in_code' });
    const client = await signIn(app, ana);
    const { thread } = await postThread(client, {
      body: 'Hello @ben_mentioned and again @Ben_Mentioned, I am @ana_author.\n\n```\nping @cyd_in_code\n```\n\nAlso `@cyd_in_code` inline.',
    });
    expect(thread.bodyHtml).toContain('<a href="/u/ben_mentioned" class="mention">');
    const benRows = await notificationsOf(ben);
    expect(benRows).toEqual([
      expect.objectContaining({ kind: 'mention', dedupe_key: `post:${thread.id}` }),
    ]);
    expect(await notificationsOf(cyd)).toEqual([]);
    expect(await notificationsOf(ana)).toEqual([]);

    const mail = await smtp.waitFor((m) => m.to === ben.email);
    expect(mail.subject).toBe(
      `Ana mentioned you in “${thread.title}”`.replace('Ana', ana.displayName),
    );
    expect(mail.links.some((l) => l.endsWith(`/q/${thread.id}`))).toBe(true);
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = /<([^>]+)>/.exec(mail.header('List-Unsubscribe')!)![1]!;
    const path = new URL(unsubscribeUrl).pathname + new URL(unsubscribeUrl).search;

    // A mail scanner's GET changes nothing; it shows a button.
    const get = await request(app.url).get(path).expect(200);
    expect(get.text).toContain('<button');
    const channel = async () =>
      (
        (await (await signIn(app, ben)).get('/api/me/notification-settings').expect(200))
          .body as NotificationSettings
      ).channels.mention;
    expect(await channel()).toBe('email');
    // A tampered token: 400, nothing changes.
    const tampered = path.replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A'));
    await request(app.url)
      .post(tampered)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(400);
    const foreign = path.replace(ben.id, ana.id);
    await request(app.url)
      .post(foreign)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(400);
    expect(await channel()).toBe('email');
    // The one-click POST: no cookie, no CSRF token.
    await request(app.url).post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(await channel()).toBe('app');

    // A reply mentioning ben, by someone else, in a thread ben follows: still one notification.
    const dee = await signIn(app, await createUser(app.ctx.db));
    const benClient = await signIn(app, ben);
    await benClient.put(`/api/threads/${thread.id}/follow`).expect(200);
    const reply = await postReply(dee, thread.id, { body: 'Ping @ben_mentioned @ben_mentioned' });
    const forReply = (await notificationsOf(ben)).filter(
      (r) => r.dedupe_key === `post:${reply.id}`,
    );
    expect(forReply.map((r) => r.kind)).toEqual(['mention']);
  });

  it('replies to my question and to my reply, and "this helped me", link to the exact reply', async () => {
    const asker = await createUser(app.ctx.db);
    const helper = await createUser(app.ctx.db);
    const third = await createUser(app.ctx.db);
    const askerClient = await signIn(app, asker);
    const helperClient = await signIn(app, helper);
    const { thread } = await postThread(askerClient);
    const reply = await postReply(helperClient, thread.id);
    const sub = await postReply(await signIn(app, third), thread.id, { parentId: reply.id });
    await askerClient.put(`/api/replies/${reply.id}/helpful`).expect(200);

    const askerRows = await notificationsOf(asker);
    expect(askerRows.map((r) => r.kind)).toEqual(['reply_to_thread', 'reply_to_thread']);
    const helperRows = await notificationsOf(helper);
    expect(helperRows.map((r) => r.kind).sort()).toEqual(['helped', 'reply_to_reply']);
    const list = (await helperClient.get('/api/notifications').expect(200)).body.items as {
      kind: string;
      url: string;
    }[];
    expect(list.find((n) => n.kind === 'reply_to_reply')!.url).toBe(`/q/${thread.id}/r/${sub.id}`);
    // Replies default to the digest: no email right away.
    expect(smtp.messages.filter((m) => m.to === asker.email)).toEqual([]);
  });

  it('keeps preferences, rejects a zone that does not exist, says when the address is unverified', async () => {
    const user = await createUser(app.ctx.db, { emailVerified: false });
    const client = await signIn(app, user);
    const before = (await client.get('/api/me/notification-settings').expect(200))
      .body as NotificationSettings;
    expect(before).toMatchObject({
      emailVerified: false,
      channels: { mentorship_requested: 'email', reply_to_thread: 'digest', mention: 'email' },
      digest: { frequency: 'daily' },
    });
    const saved = (
      await client
        .put('/api/me/notification-settings')
        .send({
          channels: { reply_to_thread: 'email', mention: 'off' },
          digest: { frequency: 'weekly', hour: 18, weekday: 5 },
          timeZone: 'Asia/Kathmandu',
        })
        .expect(200)
    ).body as NotificationSettings;
    expect(saved).toMatchObject({
      channels: { reply_to_thread: 'email', mention: 'off', reply_to_reply: 'digest' },
      digest: { frequency: 'weekly', hour: 18, weekday: 5 },
      timeZone: 'Asia/Kathmandu',
    });
    await client
      .put('/api/me/notification-settings')
      .send({ ...saved, timeZone: 'Mars/Olympus' })
      .expect(400);
  });
});
