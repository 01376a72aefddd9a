import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDigestSchedule } from '../../server/digests/jobs';
import { previewDigest } from '../../server/digests/preview';
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

const longAgo = new Date(Date.now() - 3 * 86_400_000);
const setActive = (u: TestUser, at: Date) =>
  app.ctx.db.updateTable('users').set({ last_active_at: at }).where('id', '=', u.id).execute();
const deliveryOf = (u: TestUser) =>
  app.ctx.db
    .selectFrom('digest_deliveries')
    .select(['status', 'reason'])
    .where('user_id', '=', u.id)
    .executeTakeFirst();

describe('digests', () => {
  it('sends one grouped digest with exact links; none when active with nothing unread, empty, or unverified', async () => {
    const asker = await createUser(app.ctx.db, { displayName: 'Asker Ann' });
    const replier = await createUser(app.ctx.db, { displayName: 'Replier Rob' });
    const active = await createUser(app.ctx.db);
    const quiet = await createUser(app.ctx.db);
    const unverified = await createUser(app.ctx.db, { emailVerified: false });
    const { thread } = await postThread(await signIn(app, asker), {
      title: 'How did you pick your first PM role?',
    });
    const robClient = await signIn(app, replier);
    const first = await postReply(robClient, thread.id, {
      body: 'I started with a platform team.',
    });
    const second = await postReply(robClient, thread.id, { body: 'Then moved to growth.' });
    const unverifiedThread = (await postThread(await signIn(app, unverified))).thread;
    await postReply(robClient, unverifiedThread.id);
    for (const u of [asker, quiet, unverified]) await setActive(u, longAgo);
    await setActive(active, new Date());

    // Everyone's digest hour (08:00 UTC by default) fell in the last 24 hours: exactly one
    // 08:00 is in any half-open 24-hour window (23 hours missed it between 07:00 and 08:00).
    await app.ctx.db
      .insertInto('digest_runs')
      .values({ id: 1, last_run_at: new Date(Date.now() - 24 * 3_600_000) })
      .execute();
    const run = await runDigestSchedule(app.ctx);
    expect(run.claimed).toBeGreaterThanOrEqual(4);

    const mail = await smtp.waitFor((m) => m.to === asker.email);
    expect(mail.subject).toBe('2 replies to your question');
    expect(mail.text).toContain('How did you pick your first PM role?');
    const replyLinks = mail.links.filter((l) => l.includes(`/q/${thread.id}/r/`));
    // Newest first, each to the exact reply.
    expect(replyLinks.map((l) => new URL(l).pathname)).toEqual([
      `/q/${thread.id}/r/${second.id}`,
      `/q/${thread.id}/r/${first.id}`,
    ]);
    expect(mail.html).toContain('prefers-color-scheme: dark');
    expect(mail.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    await expect
      .poll(() => deliveryOf(active))
      .toEqual({
        status: 'skipped',
        reason: 'active recently, nothing unread',
      });
    await expect.poll(async () => (await deliveryOf(quiet))?.status).toBe('empty');
    expect(await deliveryOf(unverified)).toBeUndefined();
    // Running the schedule again sends nothing twice.
    expect((await runDigestSchedule(app.ctx)).claimed).toBe(0);
    await expect
      .poll(() =>
        app.ctx.db
          .selectFrom('email_deliveries')
          .select('status')
          .where('template', '=', 'digest')
          .execute(),
      )
      .toEqual([{ status: 'sent' }]);
    expect(smtp.messages.filter((m) => m.subject.includes('repl'))).toHaveLength(1);

    // The footer's unsubscribe link: GET shows a button, the POST turns the digest off.
    const unsubscribe = mail.links.find((l) => l.includes('/unsubscribe?token='))!;
    const path = new URL(unsubscribe).pathname + new URL(unsubscribe).search;
    await request(app.url).get(path).expect(200);
    const settings = async () =>
      (await (await signIn(app, asker)).get('/api/me/notification-settings').expect(200)).body
        .digest.frequency;
    expect(await settings()).toBe('daily');
    await request(app.url).post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect(await settings()).toBe('never');
  });

  it('previews a digest (digest:preview) without claiming or sending anything', async () => {
    const asker = await createUser(app.ctx.db, { handle: 'preview_me' });
    const { thread } = await postThread(await signIn(app, asker));
    await postReply(await signIn(app, await createUser(app.ctx.db)), thread.id);
    const r = await previewDigest(app.ctx.db, app.ctx.config, '@preview_me', true);
    expect(r).toMatchObject({ subject: '1 reply to your question', to: asker.email });
    expect(await deliveryOf(asker)).toBeUndefined();
    const caught = await app.ctx.db
      .selectFrom('caught_mail')
      .select('subject')
      .where('to_address', '=', asker.email)
      .execute();
    expect(caught).toEqual([{ subject: '1 reply to your question' }]);
  });
});
