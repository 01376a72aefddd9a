/**
 * What the engine writes: the seat ledger under concurrent acceptances, response times,
 * impressions and the exposure cap, and question notifications with their daily caps.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDay } from '../../server/matching/engine';
import { mentorsToNotify } from '../../server/matching/notify';
import { pruneExposure } from '../../server/matching/queries';
import {
  recordMentorResponse,
  releaseMentorSeat,
  reserveMentorSeat,
} from '../../server/matching/seats';
import { matchesForAsker, matchesForThread } from '../../server/matching/service';
import { WEIGHTS } from '../../shared/matching/weights';
import { fixtureId } from '../fixtures/matching/index';
import { loadFixtures } from '../fixtures/matching/load';
import { FIXTURE_NOW } from '../fixtures/matching/types';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
const day = utcDay(FIXTURE_NOW);

beforeAll(async () => {
  t = await createTestDatabase();
  await loadFixtures(t.db, FIXTURE_NOW);
});
afterAll(() => t.destroy());

async function stats(mentorKey: string) {
  return t.db
    .selectFrom('mentor_match_stats')
    .selectAll()
    .where('mentor_id', '=', fixtureId(mentorKey))
    .executeTakeFirstOrThrow();
}

async function postThread(authorId: string | null, title: string, body: string): Promise<string> {
  const row = await t.db
    .insertInto('threads')
    .values({
      author_id: authorId,
      title,
      body_md: body,
      body_html: `<p>${body}</p>`,
      tags: ['career-switch'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('seat ledger', () => {
  it('lets exactly `capacity` of many simultaneous acceptances through', async () => {
    const m = fixtureId('m21'); // capacity 2, no mentees
    const results = await Promise.all(Array.from({ length: 12 }, () => reserveMentorSeat(t.db, m)));
    expect(results.filter(Boolean)).toHaveLength(2);
    expect((await stats('m21')).active_mentees).toBe(2);
    const index = await t.db
      .selectFrom('mentor_match_index')
      .select('open_seats')
      .where('mentor_id', '=', m)
      .executeTakeFirstOrThrow();
    expect(index.open_seats).toBe(0);
    await releaseMentorSeat(t.db, m);
    await releaseMentorSeat(t.db, m);
    await releaseMentorSeat(t.db, m); // never below zero
    expect((await stats('m21')).active_mentees).toBe(0);
  });

  it('refuses a seat for a paused mentor or someone without a mentor profile', async () => {
    expect(await reserveMentorSeat(t.db, fixtureId('m08'))).toBe(false);
    expect(await reserveMentorSeat(t.db, fixtureId('a01'))).toBe(false);
  });

  it('keeps a mean response time for the first answers, then follows recent ones', async () => {
    const m = fixtureId('m35'); // fixture history: 5 answers, 20 h on average
    await recordMentorResponse(t.db, m, 2);
    const s = await stats('m35');
    expect(s.response_count).toBe(6);
    expect(s.response_hours).toBeCloseTo(20 + (2 - 20) * 0.2, 3);
  });
});

describe('impressions and the exposure cap', () => {
  it('counts each asker once per day per mentor, however often they reload', async () => {
    const first = await matchesForAsker(t.db, {
      askerId: fixtureId('a01'),
      limit: 5,
      now: FIXTURE_NOW,
    });
    await matchesForAsker(t.db, { askerId: fixtureId('a01'), limit: 5, now: FIXTURE_NOW });
    const top = first!.matches[0]!.mentorId;
    const row = await t.db
      .selectFrom('mentor_exposure_daily')
      .selectAll()
      .where('mentor_id', '=', top)
      .where('day', '=', sql<Date>`${day}::date`)
      .executeTakeFirstOrThrow();
    expect(row.impressions).toBe(1);
  });

  it('stops showing a mentor at the daily cap to new askers, but not to those who saw them', async () => {
    const seenBy = fixtureId('a24');
    const list = await matchesForAsker(t.db, { askerId: seenBy, limit: 5, now: FIXTURE_NOW });
    const star = list!.matches[0]!.mentorId;
    await sql`UPDATE mentor_exposure_daily SET impressions = ${WEIGHTS.exposure.maxImpressionsPerDay}
              WHERE mentor_id = ${star}::uuid AND day = ${day}::date`.execute(t.db);
    const again = await matchesForAsker(t.db, { askerId: seenBy, limit: 10, now: FIXTURE_NOW });
    expect(again!.matches.map((r) => r.mentorId)).toContain(star);
    const other = await matchesForAsker(t.db, {
      askerId: fixtureId('a01'),
      limit: 40,
      now: FIXTURE_NOW,
    });
    expect([...other!.matches, ...other!.others].map((r) => r.mentorId)).not.toContain(star);
  });

  it('prunes counters older than a week, keeping today’s', async () => {
    const later = new Date(FIXTURE_NOW.getTime() + 10 * 86_400_000);
    const before = await t.db.selectFrom('match_impressions').select('day').execute();
    expect(before.length).toBeGreaterThan(0);
    expect(await pruneExposure(t.db, FIXTURE_NOW)).toBe(0);
    expect(await pruneExposure(t.db, later)).toBeGreaterThanOrEqual(before.length);
    expect(await t.db.selectFrom('match_impressions').select('day').execute()).toHaveLength(0);
  });

  it('returns null for someone without an asker profile', async () => {
    expect(await matchesForAsker(t.db, { askerId: fixtureId('m01'), limit: 5 })).toBeNull();
  });
});

describe('matches for a question', () => {
  it('ranks for the author, whoever looks, and records impressions only for the author', async () => {
    const author = fixtureId('a07');
    const threadId = await postThread(
      author,
      'Internal transfer from frontend at a scale-up',
      'How do I build evidence?',
    );
    const other = await matchesForThread(t.db, {
      threadId,
      viewerId: fixtureId('a02'),
      limit: 5,
      now: FIXTURE_NOW,
    });
    expect(other!.forAsker).toBe(false);
    expect(
      await t.db
        .selectFrom('match_impressions')
        .select('mentor_id')
        .where('asker_id', '=', author)
        .execute(),
    ).toHaveLength(0);
    const mine = await matchesForThread(t.db, {
      threadId,
      viewerId: author,
      limit: 5,
      now: FIXTURE_NOW,
    });
    expect(mine!.forAsker).toBe(true);
    expect(mine!.items.map((r) => r.mentorId)).toEqual(other!.items.map((r) => r.mentorId));
    expect(
      await t.db
        .selectFrom('match_impressions')
        .select('mentor_id')
        .where('asker_id', '=', author)
        .execute(),
    ).toHaveLength(5);
  });

  it('ranks on the words alone when the author has no asker profile', async () => {
    const threadId = await postThread(
      null,
      'Game developer moving into product at a games company',
      'Gameplay programmer, studio, APM programs?',
    );
    const r = await matchesForThread(t.db, {
      threadId,
      viewerId: null,
      limit: 3,
      now: FIXTURE_NOW,
    });
    expect(r!.items.map((x) => x.mentorId)).toContain(fixtureId('m76'));
  });

  it('is null for a question that does not exist', async () => {
    expect(
      await matchesForThread(t.db, {
        threadId: '00000000-0000-4000-8000-999999999999',
        viewerId: null,
        limit: 3,
      }),
    ).toBeNull();
  });
});

describe('question notifications', () => {
  it('tells the best-fitting opted-in mentors once, within caps, never the asker', async () => {
    const asker = fixtureId('a10');
    await t.db
      .updateTable('mentor_profiles')
      .set({ notify_matching_questions: false })
      .where('user_id', '=', fixtureId('m16'))
      .execute();
    const threadId = await postThread(
      asker,
      'Consulting PM or startup engineering lead, coming from a dev shop?',
      'Backend developer at a Nairobi dev shop building systems for NGO clients.',
    );
    const picks = await mentorsToNotify(t.db, threadId, { now: FIXTURE_NOW });
    const ids = picks.map((p) => p.mentorId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(WEIGHTS.exposure.notifyPerQuestion);
    expect(ids).toContain(fixtureId('m21'));
    expect(ids).not.toContain(fixtureId('m16')); // opted out
    expect(ids).not.toContain(asker);
    for (const p of picks) expect(p.fit).toBeGreaterThanOrEqual(WEIGHTS.exposure.notifyMinFit);

    // A retry returns the same mentors and counts nothing twice.
    const again = await mentorsToNotify(t.db, threadId, { now: FIXTURE_NOW });
    expect(again.map((p) => p.mentorId).sort()).toEqual([...ids].sort());
    const counted = await t.db
      .selectFrom('mentor_exposure_daily')
      .select(['mentor_id', 'notifications'])
      .where('day', '=', sql<Date>`${day}::date`)
      .where('notifications', '>', 0)
      .execute();
    expect(counted.every((c) => c.notifications === 1)).toBe(true);
    expect(counted).toHaveLength(ids.length);
  });

  it('respects a mentor’s own daily limit', async () => {
    const m21 = fixtureId('m21');
    await t.db
      .updateTable('mentor_profiles')
      .set({ max_question_notifications_per_day: 1 })
      .where('user_id', '=', m21)
      .execute();
    const threadId = await postThread(
      fixtureId('a10'),
      'Agency backend developer: which consultancies hire PMs?',
      'Dev shop, NGO clients, Nairobi.',
    );
    const picks = await mentorsToNotify(t.db, threadId, { now: FIXTURE_NOW });
    expect(picks.map((p) => p.mentorId)).not.toContain(m21);
    // Tomorrow is a new day.
    const tomorrow = new Date(FIXTURE_NOW.getTime() + 86_400_000);
    const next = await postThread(
      fixtureId('a10'),
      'Dev shop to consulting PM: what to put in the CV?',
      'Backend developer, NGO clients.',
    );
    expect((await mentorsToNotify(t.db, next, { now: tomorrow })).map((p) => p.mentorId)).toContain(
      m21,
    );
  });
});
