import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ThreadMentorPanel } from '../../shared/api/mentorships';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn, type TestUser } from '../helpers/auth';
import { createAskerProfile, createMentor } from './mentorship-fixtures';

/** Issue 15: the panel speaks to the right person, and says what is missing without a profile. */
let app: TestApp;
let maya: TestUser;
let noProfile: TestUser;
let reader: TestUser;
let withProfile: TestUser;
let mayasThread: string;
let bareThread: string;

async function thread(authorId: string, title: string) {
  const row = await app.ctx.db
    .insertInto('threads')
    .values({
      author_id: authorId,
      title,
      body_md: 'Frontend developer at a small agency. A startup engineering-lead role, maybe?',
      body_html: '',
      tags: ['career-switch'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const you = /\byou\b|\byour\b/i;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.ctx.db;
  maya = await createUser(db, { displayName: 'Maya Chen' });
  await createAskerProfile(db, maya.id, { timeZone: 'Europe/Berlin' });
  noProfile = await createUser(db, { displayName: 'Sam Okafor' });
  reader = await createUser(db, { displayName: 'Rita Reader' });
  withProfile = await createUser(db, { displayName: 'Pat Asker' });
  await createAskerProfile(db, withProfile.id);
  await createMentor(db, { timeZone: 'Europe/Berlin' }, { displayName: 'Lena Mentor' });
  mayasThread = await thread(maya.id, 'Eight years at an agency: which path into PM?');
  bareThread = await thread(noProfile.id, 'Agency developer without a plan: where to start?');
});

const panelOf = async (path: string, client?: Awaited<ReturnType<typeof signIn>>) =>
  (await (client ?? request(app.url)).get(`/api/thread-mentors/${path}`).expect(200))
    .body as ThreadMentorPanel;

describe('mentor panel wording', () => {
  it('says "you" to the asker and speaks of Maya by name to everyone else', async () => {
    const mine = await panelOf(mayasThread, await signIn(app, maya));
    const mineText = mine.items[0]!.match.reasons.join(' | ');
    expect(mineText).toContain('(one of the paths you are weighing)');
    expect(mineText).toContain('Works in your time zone');

    for (const viewer of [null, reader]) {
      const p = await panelOf(mayasThread, viewer ? await signIn(app, viewer) : undefined);
      expect(p).toMatchObject({ viewerIsAsker: false, askerHasProfile: true, askerName: 'Maya' });
      const text = p.items[0]!.match.reasons.join(' | ');
      expect(text).toContain('(one of the paths Maya is weighing)');
      expect(text).toContain("Works in Maya's time zone");
      expect(text).not.toMatch(you);
    }
  });

  it('tells who has no asker profile, and gives no made-up time-zone overlap', async () => {
    const own = await panelOf(bareThread, await signIn(app, noProfile));
    expect(own).toMatchObject({ viewerIsAsker: true, askerHasProfile: false });
    const other = await panelOf(bareThread);
    expect(other).toMatchObject({ askerHasProfile: false, askerName: 'Sam' });
    for (const p of [own, other]) {
      expect(p.items.length).toBeGreaterThan(0);
      const text = p.items.flatMap((i) => i.match.reasons).join(' | ');
      expect(text).not.toMatch(/close to a path|paths .* weighing|time zone|overlap/);
    }
  });

  it('tells a signed-in reader of someone else’s question whether they have their own matches', async () => {
    expect((await panelOf(mayasThread)).viewerHasAskerProfile).toBeNull();
    expect((await panelOf(mayasThread, await signIn(app, reader))).viewerHasAskerProfile).toBe(
      false,
    );
    expect((await panelOf(mayasThread, await signIn(app, withProfile))).viewerHasAskerProfile).toBe(
      true,
    );
  });
});
