import { beforeAll, describe, expect, it } from 'vitest';
import type { MyProfile, PublicProfile } from '../../shared/api/profiles';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client, type TestUser } from '../helpers/auth';

const asker = {
  currentRole: 'Senior Frontend Developer',
  yearsOfExperience: 8,
  companyType: 'agency',
  companySize: '1-10',
  industries: ['  Marketing ', 'E-Commerce'],
  pathsWeighed: ['internal-transfer', 'founder'],
  constraints: 'My manager does not know I am looking yet.',
  timeZone: 'europe/berlin',
  languages: ['en', 'pt-br'],
  focus: ['choosing-path'],
  goals: 'A PM offer within a year.',
};

const mentor = {
  headline: 'Platform engineer → platform PM',
  roleBefore: 'Site reliability engineer',
  roleNow: 'Platform product manager',
  pathTaken: 'technical-pm',
  switchYear: 2022,
  monthsToSwitch: 7,
  yearsBeforeSwitch: 6,
  companyTypeBefore: 'scale-up',
  companySizeBefore: '201-1000',
  companyTypeAfter: 'scale-up',
  companySizeAfter: '201-1000',
  industries: ['mobility'],
  skills: ['observability', 'Incident Reviews', 'C', 'Go'],
  timeZone: 'Asia/Kolkata',
  languages: ['en', 'hi'],
  story:
    'I ran incident reviews for two years.\n\nThe notes from them became the roadmap, and the roadmap became my job.',
  whatHelped: 'A manager who let me try.',
  focus: ['building-evidence', 'first-90-days'],
  capacity: 2,
  notifyMatchingQuestions: true,
  maxQuestionNotificationsPerDay: 4,
};

describe('editing your own profiles', () => {
  let app: TestApp;
  let ana: TestUser;
  let ben: TestUser;
  let anaClient: Client;
  let benClient: Client;

  beforeAll(async () => {
    app = await startTestApp();
    ana = await createUser(app.ctx.db, { handle: 'ana_switch', bio: 'Frontend, 8 years.' });
    ben = await createUser(app.ctx.db, { handle: 'ben_mentor' });
    [anaClient, benClient] = await Promise.all([signIn(app, ana), signIn(app, ben)]);
  });

  it('starts empty and never includes an email address', async () => {
    const res = await anaClient.get('/api/me/profile').expect(200);
    expect(res.body).toMatchObject({
      user: { handle: 'ana_switch', bio: 'Frontend, 8 years.' },
      asker: null,
      mentor: null,
    });
    expect(JSON.stringify(res.body)).not.toContain(ana.email);
  });

  it('saves and loads an asker profile, normalised', async () => {
    const saved = await anaClient.put('/api/me/asker-profile').send(asker).expect(200);
    const loaded = await anaClient.get('/api/me/profile').expect(200);
    expect(loaded.body).toEqual(saved.body);
    const a = (loaded.body as MyProfile).asker!;
    expect(a).toMatchObject({
      currentRole: 'Senior Frontend Developer',
      currentRoleFamily: 'frontend', // worked out from the role
      yearsOfExperience: 8,
      companySize: '1-10',
      industries: ['marketing', 'e-commerce'],
      timeZone: 'Europe/Berlin',
      languages: ['en', 'pt-BR'],
      constraints: asker.constraints,
      goals: asker.goals,
    });
    // Saving again replaces the whole profile.
    const again = await anaClient
      .put('/api/me/asker-profile')
      .send({ ...asker, yearsOfExperience: 9, currentRoleFamily: 'fullstack', companySize: null })
      .expect(200);
    expect(again.body.asker).toMatchObject({
      yearsOfExperience: 9,
      currentRoleFamily: 'fullstack',
      companySize: null,
    });
  });

  it('saves and loads a mentor profile; others see the story but not the preferences', async () => {
    const saved = await benClient.put('/api/me/mentor-profile').send(mentor).expect(200);
    expect((saved.body as MyProfile).mentor).toMatchObject({
      roleBeforeFamily: 'platform',
      // One- and two-letter skills are accepted; skills keep the spelling they were given.
      skills: ['observability', 'Incident Reviews', 'C', 'Go'],
      notifyMatchingQuestions: true,
      maxQuestionNotificationsPerDay: 4,
      yearsBeforeSwitch: 6,
    });
    const loaded = await benClient.get('/api/me/profile').expect(200);
    expect(loaded.body).toEqual(saved.body);

    const seen = await anaClient.get('/api/users/ben_mentor').expect(200);
    const pub = seen.body as PublicProfile;
    expect(pub.mentor!.story).toBe(mentor.story);
    expect(pub.mentor).not.toHaveProperty('notifyMatchingQuestions');
    expect(pub.mentor).not.toHaveProperty('maxQuestionNotificationsPerDay');
    expect(pub.isSelf).toBe(false);
    const own = await benClient.get('/api/users/ben_mentor').expect(200);
    expect(own.body.isSelf).toBe(true);

    // Saving is activity: the newest mentor heads the list.
    const list = await anonymous(app).get('/api/mentors').expect(200);
    expect(list.body.items[0]).toMatchObject({ handle: 'ben_mentor', pathTaken: 'technical-pm' });
  });

  it("never shows one user's email or private asker fields to another", async () => {
    const bodies = [
      (await benClient.get('/api/users/ana_switch').expect(200)).body,
      (await anonymous(app).get('/api/users/ana_switch').expect(200)).body,
      (await benClient.get('/api/mentors').expect(200)).body,
      (await anaClient.get('/api/users/ben_mentor').expect(200)).body,
    ];
    for (const body of bodies) {
      const text = JSON.stringify(body);
      expect(text).not.toContain(ana.email);
      expect(text).not.toContain(ben.email);
      expect(text).not.toMatch(/"email"/);
      expect(text).not.toContain(asker.constraints);
      expect(text).not.toContain(asker.goals);
      expect(text).not.toContain('pt-BR');
    }
    const anaSeen = bodies[0] as PublicProfile;
    expect(anaSeen.asker).toMatchObject({ yearsOfExperience: 9, pathsWeighed: asker.pathsWeighed });
  });

  it("writes only the signed-in person's own profile", async () => {
    await benClient
      .put('/api/me/asker-profile')
      .send({ ...asker, currentRole: 'Platform PM exploring' })
      .expect(200);
    const ana1 = await anaClient.get('/api/me/profile').expect(200);
    expect(ana1.body.asker.currentRole).toBe('Senior Frontend Developer');
    await benClient.delete('/api/me/asker-profile').expect(204);
    const ana2 = await anaClient.get('/api/me/profile').expect(200);
    expect(ana2.body.asker).not.toBeNull();
  });

  it('edits display name and bio', async () => {
    const res = await anaClient
      .patch('/api/me/profile')
      .send({ displayName: '  Ana S. ', bio: 'Agency dev → PM, hopefully.' })
      .expect(200);
    expect(res.body.user).toMatchObject({
      displayName: 'Ana S.',
      bio: 'Agency dev → PM, hopefully.',
    });
    const bad = await anaClient.patch('/api/me/profile').send({ displayName: '' }).expect(400);
    expect(bad.body.error).toMatchObject({
      field: 'displayName',
      message: 'displayName: is required',
    });
    const long = await anaClient
      .patch('/api/me/profile')
      .send({ displayName: 'Ana', bio: 'x'.repeat(501) })
      .expect(400);
    expect(long.body.error.message).toBe('bio: must be at most 500 characters');
  });

  it('removes profiles idempotently (stop being an asker / a mentor)', async () => {
    await anaClient.delete('/api/me/asker-profile').expect(204);
    await anaClient.delete('/api/me/asker-profile').expect(204);
    const me = await anaClient.get('/api/me/profile').expect(200);
    expect(me.body.asker).toBeNull();
    const pub = await anonymous(app).get('/api/users/ana_switch').expect(200);
    expect(pub.body.asker).toBeNull();

    await benClient.delete('/api/me/mentor-profile').expect(204);
    const list = await anonymous(app).get('/api/mentors?limit=50').expect(200);
    expect(list.body.items.map((m: { handle: string }) => m.handle)).not.toContain('ben_mentor');
    expect((await anonymous(app).get('/api/users/ben_mentor').expect(200)).body.mentor).toBeNull();
  });

  it('refuses anonymous writes', async () => {
    await anonymous(app).put('/api/me/mentor-profile').send(mentor).expect(401);
    await anonymous(app).delete('/api/me/asker-profile').expect(401);
    await anonymous(app).get('/api/me/profile').expect(401);
  });

  it("answers 410 for a deleted user's profile and hides them from every list", async () => {
    const gone = await createUser(app.ctx.db, { handle: 'gone_soon' });
    const client = await signIn(app, gone);
    await client.put('/api/me/mentor-profile').send(mentor).expect(200);
    await app.ctx.db
      .updateTable('users')
      .set({ deleted_at: new Date() })
      .where('id', '=', gone.id)
      .execute();
    const res = await anonymous(app).get('/api/users/gone_soon').expect(410);
    expect(res.body.error).toMatchObject({ code: 'not_found', deleted: true });
    expect(JSON.stringify(res.body)).not.toContain('incident reviews');
    const list = await anonymous(app).get('/api/mentors?limit=50').expect(200);
    expect(list.body.items.map((m: { handle: string }) => m.handle)).not.toContain('gone_soon');
  });
});
