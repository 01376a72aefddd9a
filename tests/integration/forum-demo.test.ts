import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoThreads } from '../../server/seed/demo-content';
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
    const res = await anonymous(app).get('/api/threads?sort=hot').expect(200);
    const items = res.body.items as ThreadSummary[];
    expect(items).toHaveLength(demoThreads.length);
    const main = items.find((t) => t.title === demoThreads[0]!.title)!;
    expect(main.answered).toBe(true);
    expect(main.replyCount).toBe(demoReplies.filter((r) => r.thread === 'agency-dev').length);
    const unanswered = await anonymous(app).get('/api/threads?sort=unanswered').expect(200);
    expect(unanswered.body.items.length).toBeGreaterThan(0);
  });

  it('a first-time visitor sees a nested discussion with helpful answers on top', async () => {
    const list = await anonymous(app).get('/api/threads?sort=new&limit=50').expect(200);
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
