/**
 * Issue 13: the question's mentor panel, /api/matches and Find a mentor give the same order
 * for the same asker and question (and, without a question, /api/matches and Find a mentor
 * agree). Over real HTTP, with the labelled fixtures as mentors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPage, ThreadMentorPanel } from '../../shared/api/mentorships';
import type { MatchList } from '../../shared/matching/api';
import { isMatch } from '../../shared/matching/tiers';
import { loadFixtures } from '../fixtures/matching/load';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type Client } from '../helpers/auth';

let app: TestApp;
let asker: Client;
let threadId: string;

beforeAll(async () => {
  app = await startTestApp();
  await loadFixtures(app.ctx.db, new Date());
  asker = await signIn(app, await createUser(app.ctx.db));
  await asker
    .put('/api/me/asker-profile')
    .send({
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
    })
    .expect(200);
  const thread = await app.ctx.db
    .insertInto('threads')
    .values({
      author_id: asker.viewer.id,
      title: 'How do I build a PM portfolio from agency client work?',
      body_md: 'Eight years of client websites. Which case studies convinced a hiring manager?',
      body_html: '<p>Eight years of client websites.</p>',
      tags: ['portfolio'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  threadId = thread.id;
});
afterAll(() => app.close());

const matchIds = (body: MatchList) => body.items.map((i) => i.mentorId);
/** Find a mentor's ranked section: the matches (role and path at least closely related). */
const directoryMatches = (body: DirectoryPage) =>
  body.items.filter((i) => i.section === 'match').map((i) => i.id);
const engineMatches = (body: MatchList) =>
  body.items.filter((i) => isMatch(i.tier)).map((i) => i.mentorId);
/**
 * Find a mentor lists the engine's matches in the engine's order (the other mentors follow
 * in their own section), so its first matches are exactly the matches among the engine's
 * top 20 — /api/matches returns at most 20.
 */
const sameOrder = (dir: DirectoryPage, api: MatchList) => {
  const fromApi = engineMatches(api);
  expect(fromApi.length).toBeGreaterThanOrEqual(3);
  expect(directoryMatches(dir).slice(0, fromApi.length)).toEqual(fromApi);
};

describe('one order everywhere', () => {
  it('for a question: the panel, /api/matches and Find a mentor agree', async () => {
    // Each view records what it shows; seeing a card must not reorder the next view.
    for (let round = 0; round < 2; round++) {
      const panel = (await asker.get(`/api/thread-mentors/${threadId}`).expect(200))
        .body as ThreadMentorPanel;
      const api = (await asker.get(`/api/matches?threadId=${threadId}&limit=20`).expect(200))
        .body as MatchList;
      const dir = (
        await asker.get(`/api/mentor-directory?threadId=${threadId}&limit=20`).expect(200)
      ).body as DirectoryPage;
      expect(panel.items).toHaveLength(3);
      expect(panel.items.map((i) => i.id)).toEqual(matchIds(api).slice(0, 3));
      expect(dir.ranked).toBe(true);
      sameOrder(dir, api);
    }
  });

  it('without a question: /api/matches and Find a mentor agree, and differ from the question’s order', async () => {
    const api = (await asker.get('/api/matches?limit=20').expect(200)).body as MatchList;
    const dir = (await asker.get('/api/mentor-directory?limit=20').expect(200))
      .body as DirectoryPage;
    sameOrder(dir, api);
    const forQuestion = (await asker.get(`/api/matches?threadId=${threadId}&limit=20`).expect(200))
      .body as MatchList;
    expect(matchIds(forQuestion)).not.toEqual(matchIds(api));
  });

  it('404s Find a mentor for a question that does not exist', async () => {
    await asker
      .get('/api/mentor-directory?threadId=00000000-0000-4000-8000-999999999999')
      .expect(404);
    const bad = await asker.get('/api/mentor-directory?threadId=nope').expect(400);
    expect(bad.body.error.field).toBe('threadId');
  });
});
