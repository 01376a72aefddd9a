/** GET /api/matches and the block list over real HTTP, with the fixtures as mentors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchList } from '../../shared/matching/api';
import { fixtureId } from '../fixtures/matching/index';
import { loadFixtures } from '../fixtures/matching/load';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';

let app: TestApp;
let asker: Client;
let newcomer: Client;

const profile = {
  currentRole: 'Web developer at a small agency',
  yearsOfExperience: 8,
  companyType: 'agency',
  industries: ['marketing'],
  pathsWeighed: ['internal-transfer', 'consulting-pm', 'startup-eng-lead', 'founder'],
  constraints: 'My role offers no product exposure at all.',
  timeZone: 'America/Chicago',
  languages: ['en'],
  focus: ['choosing-path'],
  goals: 'Pick a path this quarter.',
};

beforeAll(async () => {
  app = await startTestApp();
  await loadFixtures(app.ctx.db, new Date());
  asker = await signIn(app, await createUser(app.ctx.db));
  newcomer = await signIn(app, await createUser(app.ctx.db));
  await asker.put('/api/me/asker-profile').send(profile).expect(200);
});
afterAll(() => app.close());

describe('GET /api/matches', () => {
  it('needs a signed-in viewer', async () => {
    const res = await anonymous(app).get('/api/matches');
    expect(res.status).toBe(401);
  });

  it('asks for an asker profile first, saying why', async () => {
    const res = await newcomer.get('/api/matches').expect(404);
    expect(res.body.error.reason).toBe('no_asker_profile');
    expect(res.body.error.message).toMatch(/asker profile/);
  });

  it('returns ranked mentors with a score, each factor and reasons — and no private data', async () => {
    const res = await asker.get('/api/matches?limit=5').expect(200);
    const body = res.body as MatchList;
    expect(body.threadId).toBeNull();
    expect(body.items).toHaveLength(5);
    const scores = body.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const item of body.items) {
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThanOrEqual(1);
      expect(item.factors.map((f) => f.id)).toEqual(
        expect.arrayContaining(['text', 'path', 'overlap', 'health']),
      );
      expect(item.reasons.length).toBeGreaterThanOrEqual(3);
      expect(item.openSeats).toBeGreaterThan(0);
    }
    expect(JSON.stringify(body)).not.toMatch(/@example|email|notify/i);
  });

  it('ranks for a question when given one, and 404s an unknown question', async () => {
    const thread = await app.ctx.db
      .insertInto('threads')
      .values({
        author_id: asker.viewer.id,
        title: 'Consultancy or startup lead after eight agency years?',
        body_md: 'Agency web developer, marketing sites, no PM exposure.',
        body_html: '<p>Agency web developer.</p>',
        tags: ['consulting'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await asker.get(`/api/matches?threadId=${thread.id}&limit=20`).expect(200);
    expect(res.body.threadId).toBe(thread.id);
    const forQuestion = (res.body as MatchList).items;
    const plain = ((await asker.get('/api/matches?limit=20').expect(200)).body as MatchList).items;
    expect(forQuestion.length).toBeGreaterThan(0);
    // The question's words change the ranking: its text factor scores, and the order moves.
    const text = (items: MatchList['items']) =>
      items.map((i) => i.factors.find((f) => f.id === 'text')!.score);
    expect(Math.max(...text(forQuestion))).toBeGreaterThan(Math.max(...text(plain)));
    expect(forQuestion.map((i) => i.mentorId)).not.toEqual(plain.map((i) => i.mentorId));
    await asker.get('/api/matches?threadId=00000000-0000-4000-8000-999999999999').expect(404);
  });

  it('filters by path and language', async () => {
    const res = await asker.get('/api/matches?path=founder&limit=20').expect(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items as MatchList['items'])
      expect(item.reasons.join(' ')).toMatch(/founding a company/);
    const speaks = async (items: MatchList['items']) => {
      const rows = await app.ctx.db
        .selectFrom('mentor_profiles')
        .select(['user_id', 'languages'])
        .where(
          'user_id',
          'in',
          items.map((i) => i.mentorId),
        )
        .execute();
      expect(rows).toHaveLength(items.length);
      return rows.map((m) => m.languages.map((l) => l.split('-')[0]));
    };
    const all = ((await asker.get('/api/matches?limit=20').expect(200)).body as MatchList).items;
    const spanish = (
      (await asker.get('/api/matches?language=es&limit=20').expect(200)).body as MatchList
    ).items;
    expect(spanish.length).toBeGreaterThan(0);
    expect((await speaks(all)).some((langs) => !langs.includes('es'))).toBe(true);
    for (const langs of await speaks(spanish)) expect(langs).toContain('es');
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['threadId=42', 'threadId'],
    ['path=astronaut', 'path'],
    ['minOverlapHours=12', 'minOverlapHours'],
    ['language=english!', 'language'],
    ['companyType=guild', 'companyType'],
  ])('rejects %s with a clear message on the field', async (qs, field) => {
    const res = await asker.get(`/api/matches?${qs}`).expect(400);
    expect(res.body.error.code).toBe('invalid_input');
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
  });
});

describe('blocking a mentor', () => {
  it('hides them from my matches until I unblock them', async () => {
    const top = ((await asker.get('/api/matches?limit=3').expect(200)).body as MatchList).items[0]!;
    await asker.put(`/api/matches/blocked/${top.mentorId}`).expect(204);
    await asker.put(`/api/matches/blocked/${top.mentorId}`).expect(204); // idempotent
    const after = (await asker.get('/api/matches?limit=20').expect(200)).body as MatchList;
    expect(after.items.map((i) => i.mentorId)).not.toContain(top.mentorId);
    await asker.delete(`/api/matches/blocked/${top.mentorId}`).expect(204);
    const back = (await asker.get('/api/matches?limit=3').expect(200)).body as MatchList;
    expect(back.items.map((i) => i.mentorId)).toContain(top.mentorId);
  });

  it('explains what is wrong with a block request', async () => {
    let res = await asker.put(`/api/matches/blocked/${asker.viewer.id}`).expect(400);
    expect(res.body.error.field).toBe('mentorId');
    res = await asker.put('/api/matches/blocked/not-a-uuid').expect(400);
    expect(res.body.error.field).toBe('mentorId');
    await asker.put('/api/matches/blocked/00000000-0000-4000-8000-999999999999').expect(404);
    await anonymous(app)
      .put(`/api/matches/blocked/${fixtureId('m01')}`)
      .expect(401);
  });
});
