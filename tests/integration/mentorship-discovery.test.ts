import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPage, ThreadMentorPanel } from '../../shared/api/mentorships';
import type { MatchList } from '../../shared/matching/api';
import { isMatch } from '../../shared/matching/tiers';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type TestUser } from '../helpers/auth';
import { createAskerProfile, createMentor, goodMessage } from './mentorship-fixtures';

let app: TestApp;
let asker: TestUser;
let threadId: string;
const mentors: Record<string, TestUser> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.ctx.db;
  asker = await createUser(db, { displayName: 'Maya Asker' });
  await createAskerProfile(db, asker.id);
  mentors.agency = await createMentor(
    db,
    { timeZone: 'Europe/Amsterdam' },
    { displayName: 'Agency Mentor' },
  );
  mentors.transfer = await createMentor(
    db,
    {
      pathTaken: 'internal-transfer',
      roleBefore: 'Backend engineer',
      companyTypeBefore: 'enterprise',
      timeZone: 'America/Chicago',
    },
    { displayName: 'Transfer Mentor' },
  );
  mentors.spanish = await createMentor(
    db,
    { languages: ['es'], timeZone: 'America/Mexico_City' },
    { displayName: 'Spanish Mentor' },
  );
  mentors.full = await createMentor(
    db,
    { capacity: 1, timeZone: 'Asia/Tokyo' },
    { displayName: 'Full Mentor' },
  );
  const mentee = await createUser(db);
  const req = await db
    .insertInto('mentorship_requests')
    .values({
      asker_id: mentee.id,
      mentor_id: mentors.full.id,
      message: goodMessage,
      status: 'accepted',
      expires_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const conv = await db
    .insertInto('conversations')
    .values({ kind: 'mentorship' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('mentorships')
    .values({
      request_id: req.id,
      asker_id: mentee.id,
      mentor_id: mentors.full.id,
      conversation_id: conv.id,
    })
    .execute();
  // The matching engine's seat ledger, as an accept would have left it.
  await db
    .insertInto('mentor_match_stats')
    .values({ mentor_id: mentors.full.id, active_mentees: 1 })
    .execute();
  threadId = (
    await db
      .insertInto('threads')
      .values({
        author_id: asker.id,
        title: 'Eight years at an agency: which path into PM?',
        body_md:
          'Frontend developer at a small agency with no PM role. Startup lead or consulting?',
        body_html: '',
        tags: ['career-switch', 'consulting'],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

describe('the mentor panel on a question', () => {
  it('shows everyone the top matches with reasons, but request buttons only to the asker', async () => {
    const anon = (await request(app.url).get(`/api/thread-mentors/${threadId}`).expect(200))
      .body as ThreadMentorPanel;
    expect(anon).toMatchObject({ viewerIsAsker: false, canRequest: false });
    // The question's tags link to the paths they are about.
    expect(anon.paths).toEqual([{ id: 'consulting-pm', label: 'Consulting or agency PM' }]);
    expect(anon.items.length).toBeGreaterThan(0);
    expect(anon.items.length).toBeLessThanOrEqual(3);
    expect(anon.items[0]!.handle).toBe(mentors.agency!.handle);
    expect(anon.items[0]!.match.reasons.join(' ')).toMatch(/agency/);
    // Full and no-shared-language mentors are not offered; nor is anyone's e-mail.
    const shown = anon.items.map((i) => i.handle);
    expect(shown).not.toContain(mentors.full!.handle);
    expect(shown).not.toContain(mentors.spanish!.handle);
    expect(JSON.stringify(anon)).not.toContain('@example.test');

    const client = await signIn(app, asker);
    const mine = (await client.get(`/api/thread-mentors/${threadId}`).expect(200))
      .body as ThreadMentorPanel;
    expect(mine).toMatchObject({
      viewerIsAsker: true,
      canRequest: true,
      openRequests: 0,
      maxOpenRequests: 3,
    });
    const sent = await client
      .post('/api/mentorship-requests')
      .send({ mentor: mentors.agency!.handle, message: goodMessage, threadId })
      .expect(201);
    const after = (await client.get(`/api/thread-mentors/${threadId}`).expect(200))
      .body as ThreadMentorPanel;
    expect(after.items[0]!.mine).toEqual({ requestId: sent.body.id, mentorshipId: null });
    expect(after.openRequests).toBe(1);
    expect(sent.body.thread).toEqual({
      id: threadId,
      title: 'Eight years at an agency: which path into PM?',
    });

    await request(app.url).get('/api/thread-mentors/not-a-uuid').expect(404);
    await request(app.url)
      .get('/api/thread-mentors/00000000-0000-4000-8000-000000000000')
      .expect(404);
  });
});

describe('short lists stay short (issue 13, principle 7)', () => {
  // One mentor matches Maya's switch; Transfer Mentor (backend, internal transfer) does not:
  // neither the role nor the path is related. The ranked lists must not pad with them.
  it('the panel and /api/matches list only the match; Find a mentor lists the other apart', async () => {
    const client = await signIn(app, asker);
    const panel = (await client.get(`/api/thread-mentors/${threadId}`).expect(200))
      .body as ThreadMentorPanel;
    expect(panel.limit).toBe(3);
    expect(panel.items.map((i) => i.handle)).toEqual([mentors.agency!.handle]);

    const api = (await client.get(`/api/matches?threadId=${threadId}&limit=5`).expect(200))
      .body as MatchList;
    expect(api.items.map((i) => i.handle)).toEqual([mentors.agency!.handle]);
    expect(api.items.every((i) => isMatch(i.tier))).toBe(true);
    const plain = (await client.get('/api/matches?limit=5').expect(200)).body as MatchList;
    expect(plain.items.map((i) => i.handle)).toEqual([mentors.agency!.handle]);

    const dir = (await client.get(`/api/mentor-directory?threadId=${threadId}`).expect(200))
      .body as DirectoryPage;
    expect(dir.matchCount).toBe(1);
    const section = (name: 'match' | 'other') =>
      dir.items.filter((i) => i.section === name).map((i) => i.handle);
    expect(section('match')).toEqual([mentors.agency!.handle]);
    expect(section('other')).toContain(mentors.transfer!.handle);
    // Only the cards of matches and ranked others count as seen, once per person and day.
    const seen = await app.ctx.db
      .selectFrom('match_impressions')
      .select('mentor_id')
      .where('asker_id', '=', asker.id)
      .execute();
    expect(seen.map((r) => r.mentor_id).sort()).toEqual(
      [mentors.agency!.id, mentors.transfer!.id].sort(),
    );
  });
});

describe('Find a mentor', () => {
  it('lists by recent activity for visitors, with filters', async () => {
    const page = (await request(app.url).get('/api/mentor-directory').expect(200))
      .body as DirectoryPage;
    expect(page.ranked).toBe(false);
    expect(page.items.every((i) => i.match === null)).toBe(true);
    expect(page.items).toHaveLength(4);

    const byPath = (
      await request(app.url).get('/api/mentor-directory?path=internal-transfer').expect(200)
    ).body as DirectoryPage;
    expect(byPath.items.map((i) => i.handle)).toEqual([mentors.transfer!.handle]);
    const roomy = (await request(app.url).get('/api/mentor-directory?hasRoom=true').expect(200))
      .body as DirectoryPage;
    expect(roomy.items.map((i) => i.handle)).not.toContain(mentors.full!.handle);
    const full = (await request(app.url).get('/api/mentor-directory?hasRoom=false').expect(200))
      .body as DirectoryPage;
    expect(full.items.find((i) => i.handle === mentors.full!.handle)).toMatchObject({
      openSeats: 0,
    });
    const spanish = (await request(app.url).get('/api/mentor-directory?language=es-MX').expect(200))
      .body as DirectoryPage;
    expect(spanish.items.map((i) => i.handle)).toEqual([mentors.spanish!.handle]);
    const roles = (
      await request(app.url)
        .get('/api/mentor-directory?roleFamily=backend&companyType=enterprise')
        .expect(200)
    ).body as DirectoryPage;
    expect(roles.items.map((i) => i.handle)).toEqual([mentors.transfer!.handle]);
    const europe = (
      await request(app.url).get('/api/mentor-directory?tz=Europe/London&within=2').expect(200)
    ).body as DirectoryPage;
    expect(europe.items.map((i) => i.handle)).toEqual([mentors.agency!.handle]);

    const first = (await request(app.url).get('/api/mentor-directory?limit=3').expect(200))
      .body as DirectoryPage;
    const rest = (
      await request(app.url)
        .get(`/api/mentor-directory?limit=3&cursor=${first.nextCursor}`)
        .expect(200)
    ).body as DirectoryPage;
    expect([...first.items, ...rest.items].map((i) => i.handle).sort()).toEqual(
      page.items.map((i) => i.handle).sort(),
    );
  });

  it('ranks by fit with reasons for a signed-in asker', async () => {
    const client = await signIn(app, asker);
    const seen = () =>
      app.ctx.db
        .selectFrom('match_impressions')
        .select('mentor_id')
        .where('asker_id', '=', asker.id);
    const page = (await client.get('/api/mentor-directory').expect(200)).body as DirectoryPage;
    expect(page.ranked).toBe(true);
    // An impression per card on the page received, never per mentor only scored (issue 13).
    const rendered = page.items.filter((i) => i.match !== null).map((i) => i.id);
    expect((await seen().execute()).map((r) => r.mentor_id).sort()).toEqual(rendered.sort());
    const one = (await client.get('/api/mentor-directory?limit=1').expect(200))
      .body as DirectoryPage;
    expect(one.items).toHaveLength(1);
    expect(await seen().execute()).toHaveLength(rendered.length); // once per card and day
    // Matches first, then "other mentors" apart; never a match after an other.
    const sections = page.items.map((i) => i.section);
    expect(sections.lastIndexOf('match')).toBeLessThan(
      sections.indexOf('other') === -1 ? Infinity : sections.indexOf('other'),
    );
    expect(page.matchCount).toBe(sections.filter((x) => x === 'match').length);
    expect(page.items[0]).toMatchObject({ handle: mentors.agency!.handle });
    expect(page.items[0]!.match!.reasons.length).toBeGreaterThan(0);
    // Mentors the engine cannot offer (full) still appear, after the ranked ones, without a fit.
    expect(page.items.at(-1)!.match).toBeNull();
    const two = (await client.get('/api/mentor-directory?limit=2').expect(200))
      .body as DirectoryPage;
    const next = (
      await client.get(`/api/mentor-directory?limit=2&cursor=${two.nextCursor}`).expect(200)
    ).body as DirectoryPage;
    expect([...two.items, ...next.items].map((i) => i.handle)).toEqual(
      page.items.map((i) => i.handle),
    );
  });

  it('names the bad filter', async () => {
    let res = await request(app.url).get('/api/mentor-directory?path=astronaut').expect(400);
    expect(res.body.error.message).toBe('path: must be one of the listed paths');
    res = await request(app.url).get('/api/mentor-directory?tz=Mars/Olympus&within=2').expect(400);
    expect(res.body.error).toMatchObject({ field: 'tz' });
    res = await request(app.url).get('/api/mentor-directory?within=3').expect(400);
    expect(res.body.error.message).toBe('tz: is needed with within (your time zone)');
    res = await request(app.url).get('/api/mentor-directory?tz=UTC&within=20').expect(400);
    expect(res.body.error.field).toBe('within');
    res = await request(app.url).get('/api/mentor-directory?cursor=zzz').expect(400);
    expect(res.body.error.field).toBe('cursor');
  });
});
