import { refreshTermStats } from '../../server/matching/queries';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationItem } from '../../shared/api/notifications';
import type { Page } from '../../shared/api/threads';
import { onQuestionPosted } from '../../server/mentorships/question-hook';
import { notify } from '../../server/notifications/service';
import { upsertMentor } from '../../server/profiles/queries';
import { mentorValues } from '../../server/profiles/values';
import { mentorProfileInput } from '../../shared/api/profiles';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn } from '../helpers/auth';
import { createAskerProfile, createMentor, mentorStory } from './mentorship-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

async function postQuestion(authorId: string, title: string, body: string) {
  const row = await app.ctx.db
    .insertInto('threads')
    .values({ author_id: authorId, title, body_md: body, body_html: '', tags: ['career-switch'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Weighing only the startup road, which every fixture mentor took. */
const agencyAskerProfile = (userId: string) =>
  createAskerProfile(app.ctx.db, userId, { pathsWeighed: ['startup-eng-lead'] });

const questionMatches = (userId: string) =>
  app.ctx.db
    .selectFrom('notifications')
    .select(['payload', 'created_at'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'question_match')
    .execute();

describe('in-app notifications API', () => {
  it('lists newest first by key, counts unread, and marks read', async () => {
    const user = await createUser(app.ctx.db);
    const other = await createUser(app.ctx.db);
    await notify(
      app.ctx.db,
      Array.from({ length: 5 }, (_, i) => ({
        userId: user.id,
        kind: 'mentorship_ended',
        payload: { mentorshipId: `m${i}`, by: { handle: `h${i}`, displayName: `Person ${i}` } },
      })),
    );
    await notify(app.ctx.db, [{ userId: other.id, kind: 'mentorship_ended', payload: {} }]);
    const client = await signIn(app, user);

    const first = (await client.get('/api/notifications?limit=2').expect(200))
      .body as Page<NotificationItem>;
    expect(first.items.map((n) => n.text)).toEqual([
      'Person 4 ended your mentorship',
      'Person 3 ended your mentorship',
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await client.get(`/api/notifications?limit=2&cursor=${first.nextCursor}`).expect(200)
    ).body as Page<NotificationItem>;
    expect(second.items.map((n) => n.payload.mentorshipId)).toEqual(['m2', 'm1']);
    const third = (
      await client.get(`/api/notifications?limit=2&cursor=${second.nextCursor}`).expect(200)
    ).body as Page<NotificationItem>;
    expect(third.items).toHaveLength(1);
    expect(third.nextCursor).toBeNull();

    expect((await client.get('/api/notifications/unread-count').expect(200)).body).toEqual({
      unread: 5,
    });
    const otherIds = await app.ctx.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', other.id)
      .execute();
    // Someone else's id is ignored, not marked.
    const marked = await client
      .post('/api/notifications/read')
      .send({ ids: [first.items[0]!.id, String(otherIds[0]!.id)] })
      .expect(200);
    expect(marked.body).toEqual({ unread: 4 });
    const unreadOnly = (await client.get('/api/notifications?unread=true').expect(200))
      .body as Page<NotificationItem>;
    expect(unreadOnly.items).toHaveLength(4);
    expect(
      (await client.post('/api/notifications/read').send({ all: true }).expect(200)).body,
    ).toEqual({
      unread: 0,
    });
    const otherClient = await signIn(app, other);
    expect((await otherClient.get('/api/notifications/unread-count').expect(200)).body).toEqual({
      unread: 1,
    });
  });

  it('refuses bad input with a clear message and anonymous readers with 401', async () => {
    const client = await signIn(app, await createUser(app.ctx.db));
    let res = await client.get('/api/notifications?cursor=abc').expect(400);
    expect(res.body.error.field).toBe('cursor');
    res = await client.get('/api/notifications?limit=500').expect(400);
    expect(res.body.error.message).toBe('limit: must be between 1 and 50');
    res = await client.post('/api/notifications/read').send({ ids: [] }).expect(400);
    expect(res.body.error.message).toBe('ids: needs at least one id');
    res = await client.post('/api/notifications/read').send({ everything: 1 }).expect(400);
    expect(res.body.error.message).toContain('send {ids: [...]} or {all: true}');
    await anonymous(app).get('/api/notifications').expect(401);
    await anonymous(app).get('/api/notifications/unread-count').expect(401);
  });
});

describe('"a question matches your switch"', () => {
  it('tells the top opted-in mentors within their daily cap, never the asker, once per question', async () => {
    const db = app.ctx.db;
    const asker = await createUser(db);
    await agencyAskerProfile(asker.id);
    // The asker is also a mentor with a perfect story: still never told about their own question.
    await upsertMentor(db, asker.id, mentorValues(mentorProfileInput.parse(mentorStory())));
    const good = await Promise.all([1, 2, 3, 4].map(() => createMentor(db)));
    const optedOut = await createMentor(db, { notifyMatchingQuestions: false });
    const capped = await createMentor(db, { maxQuestionNotificationsPerDay: 1 });
    // The capped mentor already heard about one question today (the engine's daily counter).
    await db
      .insertInto('mentor_exposure_daily')
      .values({
        mentor_id: capped.id,
        day: sql<Date>`(now() AT TIME ZONE 'UTC')::date`,
        notifications: 1,
      })
      .execute();

    const threadId = await postQuestion(
      asker.id,
      'Agency web developer: startup engineering lead or internal transfer?',
      'Eight years at an agency, no PM exposure. Which path worked for you?',
    );
    const result = await onQuestionPosted(app.ctx, threadId);
    expect(result.notified).toHaveLength(3);
    expect(result.notified).not.toContain(asker.id);
    expect(result.notified).not.toContain(optedOut.id);
    expect(result.notified).not.toContain(capped.id);
    expect(result.notified.every((id) => good.some((g) => g.id === id))).toBe(true);

    const told = await questionMatches(result.notified[0]!);
    expect(told).toHaveLength(1);
    expect(told[0]!.payload).toMatchObject({
      threadId,
      title: 'Agency web developer: startup engineering lead or internal transfer?',
    });
    const reasons = (told[0]!.payload as { reasons: string[] }).reasons;
    expect(reasons.length).toBeGreaterThan(0);
    // The mentor reads these: the asker is spoken of by name, never as "you".
    expect(reasons.join(' | ')).not.toMatch(/\byou\b|\byour\b/i);
    const client = await signIn(
      app,
      good.find((g) => g.id === result.notified[0])!,
    );
    const items = (
      (await client.get('/api/notifications').expect(200)).body as Page<NotificationItem>
    ).items;
    expect(items[0]).toMatchObject({
      kind: 'question_match',
      text: 'A question matches your switch: “Agency web developer: startup engineering lead or internal transfer?”',
      url: `/q/${threadId}`,
    });

    // A retry tells nobody twice.
    const again = await onQuestionPosted(app.ctx, threadId);
    expect(again.notified.sort()).toEqual([...result.notified].sort());
    expect(await questionMatches(result.notified[0]!)).toHaveLength(1);
    expect(await questionMatches(asker.id)).toHaveLength(0);
    expect(await questionMatches(optedOut.id)).toHaveLength(0);
    expect(await questionMatches(capped.id)).toHaveLength(0);
  });

  it('stops at each mentor’s own daily cap across questions', async () => {
    const db = app.ctx.db;
    const asker = await createUser(db);
    // Fit counts the asker's profile, not only the words: without one this mentor scores
    // under the notify threshold (shared/matching/weights.ts) and is never told at all.
    await agencyAskerProfile(asker.id);
    const mentor = await createMentor(db, { maxQuestionNotificationsPerDay: 2 });
    // Only this mentor listens, so the ranking of the others does not matter here.
    await db
      .updateTable('mentor_profiles')
      .set({ notify_matching_questions: false })
      .where('user_id', '<>', mentor.id)
      .execute();
    // Text relevance uses word statistics refreshed in the background; make them current
    // so this mentor's fit does not depend on when the last refresh happened.
    await refreshTermStats(db);
    const now = new Date();
    for (let i = 0; i < 3; i++) {
      const id = await postQuestion(
        asker.id,
        `Question number ${i} about agencies`,
        'Agency frontend developer moving to PM.',
      );
      await onQuestionPosted(app.ctx, id, { now });
    }
    expect(await questionMatches(mentor.id)).toHaveLength(2);
    // A day later there is room again.
    const id = await postQuestion(
      asker.id,
      'Another agency question',
      'Frontend developer at an agency.',
    );
    const next = await onQuestionPosted(app.ctx, id, {
      now: new Date(now.getTime() + 86_400_000 + 1000),
    });
    expect(next.notified).toContain(mentor.id);
  });
});
