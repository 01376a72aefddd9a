import { beforeAll, describe, expect, it } from 'vitest';
import type { MentorshipOverview, RequestItem } from '../../shared/api/mentorships';
import type { NotificationItem } from '../../shared/api/notifications';
import type { Page } from '../../shared/api/threads';
import { expireDueRequests } from '../../server/mentorships/expiry';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';
import { createMentor, goodMessage } from './mentorship-fixtures';

const DAY = 86_400_000;
let app: TestApp;

beforeAll(async () => {
  // A 2-day TTL: the setting, not a constant, decides when requests expire.
  app = await startTestApp({ env: { MENTORSHIP_REQUEST_TTL_DAYS: '2' } });
});

const later = (days: number) => new Date(Date.now() + days * DAY);
const expire = (now: Date) => expireDueRequests(app.ctx.db, app.ctx.config, now);

async function ask(mentorHandle: string): Promise<{ client: Client; request: RequestItem }> {
  const client = await signIn(app, await createUser(app.ctx.db));
  const res = await client
    .post('/api/mentorship-requests')
    .send({ mentor: mentorHandle, message: goodMessage })
    .expect(201);
  return { client, request: res.body as RequestItem };
}

async function latestNotification(client: Client): Promise<NotificationItem | undefined> {
  return ((await client.get('/api/notifications').expect(200)).body as Page<NotificationItem>)
    .items[0];
}

describe('request expiry and automatic pause', () => {
  it('expires unanswered requests after MENTORSHIP_REQUEST_TTL_DAYS and tells the asker', async () => {
    const mentorUser = await createMentor(app.ctx.db, {}, { displayName: 'Slow Mentor' });
    const { client, request } = await ask(mentorUser.handle);
    expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).toBe(2 * DAY);

    expect((await expire(later(1.9))).expired).toBe(0);
    const result = await expire(later(2.1));
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const sent = (await client.get('/api/mentorship-requests?box=sent').expect(200))
      .body as Page<RequestItem>;
    expect(sent.items[0]).toMatchObject({ id: request.id, status: 'expired' });
    expect(await latestNotification(client)).toMatchObject({
      kind: 'mentorship_expired',
      text: 'Your request to Slow Mentor expired without an answer; you can ask another mentor',
      url: '/mentors',
    });
    // Running the sweep again (another instance, a retry) changes nothing and tells nobody twice.
    await expire(later(2.2));
    const all = (await client.get('/api/notifications').expect(200)).body as Page<NotificationItem>;
    expect(all.items.filter((n) => n.kind === 'mentorship_expired')).toHaveLength(1);

    const mentor = await signIn(app, mentorUser);
    const res = await mentor.post(`/api/mentorship-requests/${request.id}/accept`).expect(409);
    expect(res.body.error.message).toBe('This request was already expired.');
  });

  it('refuses to accept a request whose time is up even before the sweep ran', async () => {
    const mentorUser = await createMentor(app.ctx.db);
    const { request } = await ask(mentorUser.handle);
    await app.ctx.db
      .updateTable('mentorship_requests')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', request.id)
      .execute();
    const mentor = await signIn(app, mentorUser);
    const res = await mentor.post(`/api/mentorship-requests/${request.id}/accept`).expect(409);
    expect(res.body.error.message).toBe('This request expired before it was answered.');
  });

  it('pauses a mentor whose 3 latest requests expired, tells them how to resume, and resumes', async () => {
    const mentorUser = await createMentor(app.ctx.db, { capacity: 3 });
    for (let i = 0; i < 3; i++) await ask(mentorUser.handle);
    const result = await expire(later(3));
    expect(result.paused).toContain(mentorUser.id);

    const profile = await app.ctx.db
      .selectFrom('mentor_profiles')
      .select('capacity')
      .where('user_id', '=', mentorUser.id)
      .executeTakeFirstOrThrow();
    expect(profile.capacity).toBe(0);

    const mentor = await signIn(app, mentorUser);
    expect(await latestNotification(mentor)).toMatchObject({
      kind: 'mentor_paused',
      url: '/mentorships#pause',
    });
    expect((await latestNotification(mentor))!.text).toContain('Resume on your Mentorships page');
    const overview = (await mentor.get('/api/mentorships/overview').expect(200))
      .body as MentorshipOverview;
    expect(overview.mentor!.pause).toMatchObject({
      paused: true,
      reason: 'expired_requests',
      capacityBefore: 3,
    });

    // A paused mentor takes no requests, with a message that says so.
    const asker = await signIn(app, await createUser(app.ctx.db));
    const refused = await asker
      .post('/api/mentorship-requests')
      .send({ mentor: mentorUser.handle, message: goodMessage })
      .expect(409);
    expect(refused.body.error.message).toBe(
      `mentor: @${mentorUser.handle} has paused new mentorship requests`,
    );

    const resumed = (await mentor.post('/api/mentorships/resume').expect(200))
      .body as MentorshipOverview;
    expect(resumed.mentor).toMatchObject({ capacity: 3, pause: { paused: false } });
    await mentor.post('/api/mentorships/resume').expect(409);

    // The old expiries no longer count: one new expired request does not pause again.
    await ask(mentorUser.handle);
    expect((await expire(later(6))).paused).not.toContain(mentorUser.id);
    const events = await app.ctx.db
      .selectFrom('mentorship_events')
      .select(['kind', 'actor_id'])
      .where('mentor_id', '=', mentorUser.id)
      .where('kind', 'in', ['paused', 'resumed'])
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kind: 'paused', actor_id: null },
      { kind: 'resumed', actor_id: mentorUser.id },
    ]);
  });

  it('does not pause a mentor who answered one of their 3 latest requests', async () => {
    const mentorUser = await createMentor(app.ctx.db, { capacity: 3 });
    const mentor = await signIn(app, mentorUser);
    await ask(mentorUser.handle);
    const { request } = await ask(mentorUser.handle);
    await ask(mentorUser.handle);
    await mentor
      .post(`/api/mentorship-requests/${request.id}/decline`)
      .send({ reason: 'no_time' })
      .expect(200);
    const result = await expire(later(3));
    expect(result.paused).not.toContain(mentorUser.id);
  });
});
