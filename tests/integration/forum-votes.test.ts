import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous, createUser, signIn, type Client } from '../helpers/auth';
import {
  hoursAgo,
  postReply,
  postThread,
  forumTestEnv,
  readThreadAs,
  setUserCreatedAt,
} from './forum-helpers';

let app: TestApp;
let author: Client;
let voters: Client[];

const karmaOf = async (id: string) =>
  (
    await app.ctx.db
      .selectFrom('users')
      .select('karma')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).karma;

beforeAll(async () => {
  app = await startTestApp({
    env: { ...forumTestEnv, FORUM_VOTES_PER_DAY: '4', FORUM_VOTES_PER_DAY_NEW: '2' },
  });
  author = await signIn(app, await createUser(app.ctx.db));
  await setUserCreatedAt(app.ctx.db, author.viewer.id, hoursAgo(24 * 30));
  voters = [];
  for (let i = 0; i < 6; i++) {
    const u = await createUser(app.ctx.db);
    await setUserCreatedAt(app.ctx.db, u.id, hoursAgo(24 * 30));
    voters.push(await signIn(app, u));
  }
});

describe('votes', () => {
  it('one vote per member per item even when the same request races itself', async () => {
    const t = await postThread(author);
    const [v] = voters;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => v!.put(`/api/threads/${t.thread.id}/vote`)),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const d = await anonymous(app).get(`/api/threads/${t.thread.id}`).expect(200);
    expect(d.body.thread.points).toBe(2);
    const rows = await app.ctx.db
      .selectFrom('thread_votes')
      .selectAll()
      .where('thread_id', '=', t.thread.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await karmaOf(author.viewer.id)).toBe(1);
    await v!.delete(`/api/threads/${t.thread.id}/vote`).expect(200);
  });

  it('many members voting at once are all counted; karma follows votes received', async () => {
    const t = await postThread(author);
    const r = await postReply(author, t.thread.id);
    const before = await karmaOf(author.viewer.id);
    await Promise.all(
      voters
        .slice(0, 4)
        .flatMap((v) => [
          v.put(`/api/threads/${t.thread.id}/vote`).expect(200),
          v.put(`/api/replies/${r.id}/vote`).expect(200),
        ]),
    );
    const d = await readThreadAs(voters[0]!, t.thread.id);
    expect(d.thread.points).toBe(5);
    expect(d.thread.viewer.voted).toBe(true);
    expect(d.replies[0]!.points).toBe(5);
    expect(d.replies[0]!.viewer.voted).toBe(true);
    expect(await karmaOf(author.viewer.id)).toBe(before + 8);
    // Undo: points and karma go back; undoing again changes nothing.
    const undo = await voters[0]!.delete(`/api/replies/${r.id}/vote`).expect(200);
    expect(undo.body).toMatchObject({ voted: false, points: 4 });
    await voters[0]!.delete(`/api/replies/${r.id}/vote`).expect(200);
    expect(await karmaOf(author.viewer.id)).toBe(before + 7);
    for (const v of voters.slice(0, 4)) {
      await v.delete(`/api/threads/${t.thread.id}/vote`);
      await v.delete(`/api/replies/${r.id}/vote`);
    }
  });

  it('no self-votes, no anonymous votes, 404 for missing items', async () => {
    const t = await postThread(author);
    const self = await author.put(`/api/threads/${t.thread.id}/vote`).expect(403);
    expect(self.body.error.message).toMatch(/own post/);
    await anonymous(app).put(`/api/threads/${t.thread.id}/vote`).expect(401);
    await voters[1]!.put(`/api/replies/${randomUUID()}/vote`).expect(404);
  });

  it('daily cap per member, stricter for new accounts, with a 429 that says so', async () => {
    const threads = [];
    for (let i = 0; i < 5; i++) threads.push(await postThread(author));
    const veteran = voters[5]!;
    for (const t of threads.slice(0, 4))
      await veteran.put(`/api/threads/${t.thread.id}/vote`).expect(200);
    const capped = await veteran.put(`/api/threads/${threads[4]!.thread.id}/vote`).expect(429);
    expect(capped.body.error.message).toMatch(/4 times a day/);
    // Re-voting something already voted is not a new vote.
    await veteran.put(`/api/threads/${threads[0]!.thread.id}/vote`).expect(200);

    const newbie = await signIn(app, await createUser(app.ctx.db));
    await newbie.put(`/api/threads/${threads[0]!.thread.id}/vote`).expect(200);
    const last = await newbie.put(`/api/threads/${threads[1]!.thread.id}/vote`).expect(200);
    expect(last.body.votesLeftToday).toBe(0);
    const res = await newbie.put(`/api/threads/${threads[2]!.thread.id}/vote`).expect(429);
    expect(res.body.error.message).toMatch(/New accounts can upvote 2/);
  });
});
