import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MentorSummary, PublicProfile } from '../../shared/api/profiles';
import { demoThreads } from '../../server/seed/demo-content';
import { demoProfiles } from '../../server/seed/demo-profiles';
import { demoPersonas } from '../../server/profiles/demo-personas';
import { startTestApp, type TestApp } from '../helpers/app';

const demoMentorCount =
  Object.values(demoProfiles).filter((p) => p.mentor).length + demoPersonas.length;

describe('public profiles and the mentor list', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: true });
  });

  it("shows a mentor's switch story, counts and no private fields", async () => {
    const res = await request(app.url).get('/api/users/priya_pm').expect(200);
    const body = res.body as PublicProfile;
    expect(body.user).toMatchObject({ handle: 'priya_pm', displayName: 'Priya Raman' });
    expect(body.user.joinedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.user.threadCount).toBe(demoThreads.filter((t) => t.author === 'priya_pm').length);
    expect(typeof body.user.replyCount).toBe('number');
    expect(typeof body.user.karma).toBe('number');
    expect(body.mentor).toMatchObject({
      pathTaken: 'startup-eng-lead',
      switchYear: 2019,
      companyTypeBefore: 'agency',
    });
    expect(body.mentor!.story).toContain('digital agency');
    expect(body.mentor).not.toHaveProperty('notifyMatchingQuestions');
    expect(body.mentor).not.toHaveProperty('maxQuestionNotificationsPerDay');
    expect(body.asker).toBeNull();
    expect(body.isSelf).toBe(false);
    expect(JSON.stringify(body)).not.toMatch(/@demo\.switchboard\.test|email/i);
  });

  it('counts the threads a user asked', async () => {
    const res = await request(app.url).get('/api/users/devon-k').expect(200);
    expect(res.body.user.threadCount).toBe(
      demoThreads.filter((t) => t.author === 'devon-k').length,
    );
  });

  it("shows only the public part of an asker's profile", async () => {
    const res = await request(app.url).get('/api/users/maya_builds').expect(200);
    const body = res.body as PublicProfile;
    expect(Object.keys(body.asker!).sort()).toEqual(
      [
        'companyType',
        'currentRole',
        'currentRoleFamily',
        'focus',
        'pathsWeighed',
        'yearsOfExperience',
      ].sort(),
    );
    expect(body.asker).toMatchObject({ yearsOfExperience: 8, companyType: 'agency' });
    const text = JSON.stringify(body);
    expect(text).not.toContain(demoProfiles.maya_builds!.asker!.constraints!);
    expect(text).not.toContain(demoProfiles.maya_builds!.asker!.goals!);
    expect(text).not.toContain('Europe/London');
    expect(text).not.toMatch(/@demo\.switchboard\.test/);
  });

  it('finds handles case-insensitively and 404s unknown ones', async () => {
    const res = await request(app.url).get('/api/users/PRIYA_PM').expect(200);
    expect(res.body.user.handle).toBe('priya_pm');
    const missing = await request(app.url).get('/api/users/nobody_here').expect(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found' });
    expect(missing.body.error.message).toContain('@nobody_here');
    await request(app.url)
      .get('/api/users/' + 'x'.repeat(300))
      .expect(404);
  });

  it("answers 410 Gone for a deleted user's profile and shows nothing of it", async () => {
    await app.ctx.db
      .updateTable('users')
      .set({ deleted_at: new Date() })
      .where('handle', '=', 'wei_z')
      .execute();
    const res = await request(app.url).get('/api/users/wei_z').expect(410);
    expect(res.body.error).toMatchObject({ code: 'not_found', deleted: true });
    expect(res.body.error.message).toBe('@wei_z deleted their account');
    expect(JSON.stringify(res.body)).not.toMatch(/logistics|Wei Zhang/);
    const list = await request(app.url).get('/api/mentors?limit=50').expect(200);
    expect(list.body.items.map((m: MentorSummary) => m.handle)).not.toContain('wei_z');
  });

  it('lists mentors by recent activity, paged by key with no overlap', async () => {
    const seen: MentorSummary[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await request(app.url).get(`/api/mentors?limit=5${q}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    }
    // wei_z was deleted in the test above.
    expect(seen).toHaveLength(demoMentorCount - 1);
    expect(new Set(seen.map((m) => m.handle)).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 5));
    const times = seen.map((m) => m.lastActiveAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(seen[0]!.handle).toBe('priya_pm'); // the most recently active demo mentor
    expect(JSON.stringify(seen)).not.toMatch(/@demo\.switchboard\.test|notifyMatching/);
  });

  it('filters the mentor list by path and by open capacity', async () => {
    const res = await request(app.url).get('/api/mentors?path=founder&limit=50').expect(200);
    const handles = res.body.items.map((m: MentorSummary) => m.handle).sort();
    expect(handles).toEqual(['elena_v', 'sam_founder']);
    const open = await request(app.url).get('/api/mentors?available=true&limit=50').expect(200);
    const openHandles = open.body.items.map((m: MentorSummary) => m.handle);
    expect(openHandles).not.toContain('elena_v');
    expect(open.body.items.every((m: MentorSummary) => m.capacity > 0)).toBe(true);
  });

  it.each([
    ['limit=0', 'limit', 'limit: must be between 1 and 50'],
    ['limit=abc', 'limit', 'limit: must be a number'],
    ['path=astronaut', 'path', 'path: must be one of the listed paths'],
    ['available=maybe', 'available', 'available: must be true or false'],
    ['cursor=garbage', 'cursor', 'cursor: is not a cursor this server gave out'],
  ])('rejects a bad mentor-list query (%s) naming the field', async (query, field, message) => {
    const res = await request(app.url).get(`/api/mentors?${query}`).expect(400);
    expect(res.body.error).toMatchObject({ code: 'invalid_input', field, message });
  });

  it('asks for sign-in on every /me route', async () => {
    await request(app.url).get('/api/me/profile').expect(401);
    // No session, no CSRF token to check: an anonymous write is 401, not the CSRF 403.
    for (const res of [
      await request(app.url).put('/api/me/asker-profile').send({}),
      await request(app.url).delete('/api/me/mentor-profile'),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });
});
