import { beforeAll, describe, expect, it } from 'vitest';
import type {
  MentorshipItem,
  MentorshipOverview,
  RequestDetail,
  RequestItem,
} from '../../shared/api/mentorships';
import type { NotificationItem } from '../../shared/api/notifications';
import type { Page } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { createMentor, goodMessage } from './mentorship-fixtures';

let app: TestApp;
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({ env: { SMTP_URL: smtp.url } });
});

async function notificationsOf(client: Client): Promise<NotificationItem[]> {
  const res = await client.get('/api/notifications').expect(200);
  return (res.body as Page<NotificationItem>).items;
}

describe('mentorship requests', () => {
  it('an asker requests, the mentor is told in-app and by e-mail, accepts, and both see it active', async () => {
    const mentorUser = await createMentor(app.ctx.db, {}, { displayName: 'Priya Mentor' });
    const askerUser = await createUser(app.ctx.db, { displayName: 'Maya Asker' });
    const asker = await signIn(app, askerUser);
    const mentor = await signIn(app, mentorUser);

    const created = await asker
      .post('/api/mentorship-requests')
      .send({ mentor: mentorUser.handle, message: goodMessage })
      .expect(201);
    const req = created.body as RequestItem;
    expect(req).toMatchObject({
      status: 'open',
      role: 'asker',
      mentor: { handle: mentorUser.handle, displayName: 'Priya Mentor' },
      can: { accept: false, decline: false, withdraw: true },
    });
    const ttl = Date.parse(req.expiresAt) - Date.parse(req.createdAt);
    expect(ttl).toBe(7 * 86_400_000);
    expect(JSON.stringify(req)).not.toContain('@example.test');

    const told = await notificationsOf(mentor);
    expect(told[0]).toMatchObject({
      kind: 'mentorship_requested',
      text: 'Maya Asker asked you for a mentorship',
      readAt: null,
    });
    const mail = await smtp.waitFor((m) => m.to === mentorUser.email);
    expect(mail.subject).toBe('Maya Asker asked you for a mentorship on Switchboard');
    expect(mail.text).toContain('eight years at a small agency');
    expect(mail.links.some((l) => l.endsWith('/mentorships#received'))).toBe(true);

    const received = (await mentor.get('/api/mentorships/overview').expect(200))
      .body as MentorshipOverview;
    expect(received.openReceived.map((r) => r.id)).toEqual([req.id]);
    expect(received.openReceived[0]!.can).toEqual({ accept: true, decline: true, withdraw: false });

    // The asker cannot accept their own request; a stranger cannot even see it.
    await asker.post(`/api/mentorship-requests/${req.id}/accept`).expect(403);
    const stranger = await signIn(app, await createUser(app.ctx.db));
    await stranger.post(`/api/mentorship-requests/${req.id}/accept`).expect(404);
    await stranger.get(`/api/mentorship-requests/${req.id}`).expect(404);

    const accepted = (await mentor.post(`/api/mentorship-requests/${req.id}/accept`).expect(200))
      .body as MentorshipItem;
    expect(accepted).toMatchObject({
      status: 'active',
      role: 'mentor',
      partner: { handle: askerUser.handle },
      can: { end: true },
    });
    await mentor
      .post(`/api/mentorship-requests/${req.id}/accept`)
      .expect(409)
      .expect((r) => expect(r.body.error.message).toBe('This request was already accepted.'));

    const participants = await app.ctx.db
      .selectFrom('conversation_participants')
      .select('user_id')
      .where('conversation_id', '=', accepted.conversationId)
      .execute();
    expect(participants.map((p) => p.user_id).sort()).toEqual([askerUser.id, mentorUser.id].sort());

    const askerView = (await asker.get('/api/mentorships/overview').expect(200))
      .body as MentorshipOverview;
    expect(askerView.active.map((m) => m.id)).toEqual([accepted.id]);
    expect(askerView.openSent).toEqual([]);
    const mentorView = (await mentor.get('/api/mentorships/overview').expect(200))
      .body as MentorshipOverview;
    expect(mentorView.active.map((m) => m.id)).toEqual([accepted.id]);
    expect(mentorView.mentor).toMatchObject({ capacity: 2, activeMentees: 1 });

    expect((await notificationsOf(asker))[0]).toMatchObject({
      kind: 'mentorship_accepted',
      text: 'Priya Mentor accepted your mentorship request',
    });
    const acceptedMail = await smtp.waitFor((m) => m.to === askerUser.email);
    expect(acceptedMail.subject).toBe('Priya Mentor accepted your mentorship request');

    const detail = (await asker.get(`/api/mentorship-requests/${req.id}`).expect(200))
      .body as RequestDetail;
    expect(detail.events.map((e) => [e.kind, e.actor?.handle])).toEqual([
      ['requested', askerUser.handle],
      ['accepted', mentorUser.handle],
    ]);
    expect(detail.mentorshipId).toBe(accepted.id);

    // Either side ends it, with feedback the other side is told about.
    await asker
      .post(`/api/mentorships/${accepted.id}/end`)
      .send({ feedback: 'x'.repeat(2001) })
      .expect(400)
      .expect((r) => expect(r.body.error.field).toBe('feedback'));
    const ended = (
      await asker
        .post(`/api/mentorships/${accepted.id}/end`)
        .send({ feedback: 'Thank you, this helped me pick a path.' })
        .expect(200)
    ).body as MentorshipItem;
    expect(ended).toMatchObject({
      status: 'ended',
      endedBy: { handle: askerUser.handle },
      endFeedback: 'Thank you, this helped me pick a path.',
      can: { end: false },
    });
    await mentor.post(`/api/mentorships/${accepted.id}/end`).send({}).expect(409);
    expect((await notificationsOf(mentor))[0]).toMatchObject({ kind: 'mentorship_ended' });
    const past = (await mentor.get('/api/mentorships?status=ended').expect(200))
      .body as Page<MentorshipItem>;
    expect(past.items.map((m) => m.id)).toEqual([accepted.id]);
    const stats = await app.ctx.db
      .selectFrom('mentor_match_stats')
      .selectAll()
      .where('mentor_id', '=', mentorUser.id)
      .executeTakeFirstOrThrow();
    expect(stats.active_mentees).toBe(0);
    expect(stats.response_count).toBe(1);
  });

  it('refuses bad requests with an error that names the problem', async () => {
    const askerUser = await createUser(app.ctx.db);
    const asker = await signIn(app, askerUser);
    const notMentor = await createUser(app.ctx.db);
    const paused = await createMentor(app.ctx.db, { capacity: 0 });
    const mentor = await createMentor(app.ctx.db);
    const send = (body: object) => asker.post('/api/mentorship-requests').send(body);

    await anonymous(app)
      .post('/api/mentorship-requests')
      .send({ mentor: mentor.handle, message: goodMessage })
      .expect(401);

    let res = await send({ mentor: 'no_such_person', message: goodMessage }).expect(404);
    expect(res.body.error).toMatchObject({
      field: 'mentor',
      message: 'mentor: nobody on Switchboard has the handle @no_such_person',
    });
    res = await send({ mentor: notMentor.handle, message: goodMessage }).expect(400);
    expect(res.body.error.message).toContain('is not a mentor');
    res = await send({ mentor: paused.handle, message: goodMessage }).expect(409);
    expect(res.body.error).toMatchObject({
      field: 'mentor',
      message: `mentor: @${paused.handle} has paused new mentorship requests`,
    });
    res = await send({ mentor: mentor.handle, message: 'Please help me.' }).expect(400);
    expect(res.body.error.field).toBe('message');
    expect(res.body.error.message).toMatch(/^message: must be 50-2000 characters \(yours has 15\)/);
    res = await send({ mentor: mentor.handle, message: 'x'.repeat(2001) }).expect(400);
    expect(res.body.error.field).toBe('message');
    res = await send({ mentor: mentor.handle }).expect(400);
    expect(res.body.error.message).toBe('message: is required');
    res = await send({ mentor: mentor.handle, message: goodMessage, threadId: 'nope' }).expect(400);
    expect(res.body.error.field).toBe('threadId');

    // Own profile: a mentor asking themselves.
    const self = await signIn(app, mentor);
    res = await self
      .post('/api/mentorship-requests')
      .send({ mentor: mentor.handle, message: goodMessage })
      .expect(400);
    expect(res.body.error.message).toBe('mentor: you cannot request a mentorship from yourself');

    // One open request per mentor, three at most in all.
    await send({ mentor: mentor.handle, message: goodMessage }).expect(201);
    res = await send({ mentor: mentor.handle, message: goodMessage }).expect(409);
    expect(res.body.error.message).toContain('already have an open request');
    await send({ mentor: (await createMentor(app.ctx.db)).handle, message: goodMessage }).expect(
      201,
    );
    await send({ mentor: (await createMentor(app.ctx.db)).handle, message: goodMessage }).expect(
      201,
    );
    res = await send({
      mentor: (await createMentor(app.ctx.db)).handle,
      message: goodMessage,
    }).expect(409);
    expect(res.body.error.message).toContain('You already have 3 open mentorship requests');

    // Withdrawing one frees a place.
    const open = (await asker.get('/api/mentorship-requests?box=sent').expect(200))
      .body as Page<RequestItem>;
    await asker.post(`/api/mentorship-requests/${open.items[0]!.id}/withdraw`).expect(200);
    await send({ mentor: (await createMentor(app.ctx.db)).handle, message: goodMessage }).expect(
      201,
    );

    await asker.get('/api/mentorship-requests?box=inbox').expect(400);
    await asker.get('/api/mentorship-requests?box=sent&cursor=garbage').expect(400);
    await asker.get('/api/mentorship-requests/not-a-uuid').expect(404);
  });

  it('declines with a structured reason the asker is told', async () => {
    const mentorUser = await createMentor(app.ctx.db, {}, { displayName: 'Grace Mentor' });
    const askerUser = await createUser(app.ctx.db);
    const asker = await signIn(app, askerUser);
    const mentor = await signIn(app, mentorUser);
    const req = (
      await asker
        .post('/api/mentorship-requests')
        .send({ mentor: mentorUser.handle, message: goodMessage })
        .expect(201)
    ).body as RequestItem;
    const res = await mentor
      .post(`/api/mentorship-requests/${req.id}/decline`)
      .send({ reason: 'busy' })
      .expect(400);
    expect(res.body.error.field).toBe('reason');
    const declined = (
      await mentor
        .post(`/api/mentorship-requests/${req.id}/decline`)
        .send({ reason: 'better_fit', note: 'Tomás did exactly this transfer.' })
        .expect(200)
    ).body as RequestItem;
    expect(declined).toMatchObject({
      status: 'declined',
      declineReason: 'better_fit',
      declineNote: 'Tomás did exactly this transfer.',
    });
    expect((await notificationsOf(asker))[0]!.text).toBe(
      'Grace Mentor declined your request (another mentor fits better)',
    );
    await mentor.post(`/api/mentorship-requests/${req.id}/accept`).expect(409);
  });

  it('never lets concurrent accepts exceed the mentor capacity', async () => {
    const mentorUser = await createMentor(app.ctx.db, { capacity: 2 });
    const mentor = await signIn(app, mentorUser);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const asker = await signIn(app, await createUser(app.ctx.db));
      const res = await asker
        .post('/api/mentorship-requests')
        .send({ mentor: mentorUser.handle, message: goodMessage })
        .expect(201);
      ids.push((res.body as RequestItem).id);
    }
    const results = await Promise.all(
      ids.map((id) => mentor.post(`/api/mentorship-requests/${id}/accept`)),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 409, 409, 409, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.error.message).toContain('2 of 2 mentee places are taken');
    const active = await app.ctx.db
      .selectFrom('mentorships')
      .select('id')
      .where('mentor_id', '=', mentorUser.id)
      .where('status', '=', 'active')
      .execute();
    expect(active).toHaveLength(2);
    const ledger = await app.ctx.db
      .selectFrom('mentor_match_stats')
      .select('active_mentees')
      .where('mentor_id', '=', mentorUser.id)
      .executeTakeFirstOrThrow();
    expect(ledger.active_mentees).toBe(2);
  });
});
