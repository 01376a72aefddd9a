import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoThreads, demoUsers } from '../../server/seed/demo-content';
import { seedDemo, DEMO_PASSWORD } from '../../server/seed/demo';
import { demoPersonas } from '../../server/profiles/demo-personas';
import { careerPaths, starterTags } from '../../shared/taxonomy';
import type { PathSummary } from '../../shared/api/paths';
import { signIn } from '../helpers/auth';
import { demoReplies } from '../../server/seed/demo-forum-content';
import type { ThreadDetail, ThreadSummary } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous } from '../helpers/auth';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ seed: true });
});

describe('demo forum content', () => {
  it('the front page lists every demo question, the main one answered and discussed', async () => {
    const res = await anonymous(app).get('/api/threads?sort=hot&limit=100').expect(200);
    const items = res.body.items as ThreadSummary[];
    expect(items).toHaveLength(demoThreads.length);
    const main = items.find((t) => t.title === demoThreads[0]!.title)!;
    expect(main.answered).toBe(true);
    expect(main.replyCount).toBe(demoReplies.filter((r) => r.thread === 'agency-dev').length);
    const unanswered = await anonymous(app).get('/api/threads?sort=unanswered').expect(200);
    expect(unanswered.body.items.length).toBeGreaterThan(0);
  });

  it('is a community: 40+ questions over every tag, 200+ replies, deep and unanswered threads', async () => {
    const db = app.ctx.db;
    const threads = await db.selectFrom('threads').select(['tags', 'reply_count']).execute();
    expect(threads.length).toBeGreaterThanOrEqual(40);
    for (const tag of starterTags)
      expect(
        threads.some((t) => t.tags.includes(tag)),
        tag,
      ).toBe(true);
    expect(threads.filter((t) => t.reply_count === 0).length).toBeGreaterThanOrEqual(3);
    const replies = await sql<{ n: number; deepest: number; helpful: number }>`
      SELECT count(*)::int AS n, max(depth)::int AS deepest,
             count(*) FILTER (WHERE helpful_at IS NOT NULL)::int AS helpful FROM replies`.execute(
      db,
    );
    expect(replies.rows[0]!.n).toBeGreaterThanOrEqual(200);
    expect(replies.rows[0]!.deepest).toBeGreaterThanOrEqual(20);
    expect(replies.rows[0]!.helpful).toBeGreaterThanOrEqual(20);
    const votes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM reply_votes`.execute(db);
    expect(votes.rows[0]!.n).toBeGreaterThanOrEqual(300);

    // ~20 mentors whose switches cover every path, each able to sign in with the demo password.
    const mentors = await db
      .selectFrom('mentor_profiles')
      .innerJoin('users', 'users.id', 'mentor_profiles.user_id')
      .select(['users.handle', 'mentor_profiles.path_taken'])
      .execute();
    expect(mentors.length).toBeGreaterThanOrEqual(20);
    for (const p of careerPaths)
      expect(
        mentors.some((m) => m.path_taken === p.id),
        p.id,
      ).toBe(true);
    const paths = (await anonymous(app).get('/api/paths').expect(200)).body as PathSummary[];
    expect(paths.every((p) => p.mentorCount > 0)).toBe(true);
    for (const handle of [demoPersonas.at(-1)!.handle, demoUsers.at(-1)!.handle])
      await signIn(app, { handle, password: DEMO_PASSWORD });

    const states = await sql<{ status: string }>`
      SELECT DISTINCT status FROM mentorship_requests ORDER BY status`.execute(db);
    expect(states.rows.map((r) => r.status)).toEqual(['accepted', 'declined', 'expired', 'open']);
    const notes = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications`.execute(
      db,
    );
    expect(notes.rows[0]!.n).toBeGreaterThan(0);
  });

  it('seeds once: a second run changes nothing', async () => {
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM replies`.execute(
      app.ctx.db,
    );
    expect(await seedDemo(app.ctx.db)).toEqual({ seeded: false });
    const after = await sql<{ n: number }>`SELECT count(*)::int AS n FROM replies`.execute(
      app.ctx.db,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('a first-time visitor sees a nested discussion with helpful answers on top', async () => {
    const list = await anonymous(app).get('/api/threads?sort=new&limit=100').expect(200);
    const main = (list.body.items as ThreadSummary[]).find(
      (t) => t.title === demoThreads[0]!.title,
    )!;
    const d = (await anonymous(app).get(`/api/threads/${main.id}`).expect(200))
      .body as ThreadDetail;
    expect(d.helpfulReplies.length).toBe(2);
    expect(d.replies[0]!.helpful).toBe(true);
    expect(Math.max(...d.replies.map((r) => r.depth))).toBeGreaterThanOrEqual(3);
    expect(d.replies.some((r) => r.bodyHtml.includes('class="mention"'))).toBe(true);
    expect(d.thread.bodyHtml).toContain('<ol>');
    expect(d.thread.followerCount).toBeGreaterThan(1);
  });

  it('counters agree with the rows they count', async () => {
    const { rows } = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad FROM threads t
       WHERE reply_count <> (SELECT count(*) FROM replies r WHERE r.thread_id = t.id AND r.deleted_at IS NULL AND r.hidden_at IS NULL)
          OR helpful_count <> (SELECT count(*) FROM replies r WHERE r.thread_id = t.id AND r.helpful_at IS NOT NULL)
          OR follower_count <> (SELECT count(*) FROM thread_follows f WHERE f.thread_id = t.id)`.execute(
      app.ctx.db,
    );
    expect(rows[0]!.bad).toBe(0);
    const votes = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad FROM replies r
       WHERE points <> 1 + (SELECT count(*) FROM reply_votes v WHERE v.reply_id = r.id)`.execute(
      app.ctx.db,
    );
    expect(votes.rows[0]!.bad).toBe(0);
    const tags = await sql<{ bad: number }>`
      SELECT count(*)::int AS bad FROM tags
       WHERE thread_count <> (SELECT count(*) FROM threads t WHERE t.tags @> ARRAY[tags.slug])`.execute(
      app.ctx.db,
    );
    expect(tags.rows[0]!.bad).toBe(0);
  });
});
