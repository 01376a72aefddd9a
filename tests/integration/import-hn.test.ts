import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { importHnItems } from '../../server/import/hn';
import { hnHtmlToMarkdown } from '../../server/import/hn-html';
import { parseHnFile } from '../../server/import/hn-parse';
import type { ThreadDetail } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous } from '../helpers/auth';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/hn');
const read = (f: string) => readFile(path.join(fixtures, f), 'utf8');
let app: TestApp;

async function snapshot() {
  const db = app.ctx.db;
  return {
    threads: await db
      .selectFrom('threads')
      .select(['id', 'title', 'updated_at', 'reply_count'])
      .orderBy('id')
      .execute(),
    replies: await db
      .selectFrom('replies')
      .select(['id', 'body_md', 'updated_at'])
      .orderBy('id')
      .execute(),
    users: await db.selectFrom('users').select(['id', 'handle']).orderBy('id').execute(),
  };
}

beforeAll(async () => {
  app = await startTestApp();
});

describe('HN HTML to markdown', () => {
  it('converts paragraphs, italics, links, code and entities', () => {
    expect(
      hnHtmlToMarkdown(
        'It&#x27;s &quot;fine&quot; &amp; <i>good</i>.<p>See <a href="https:&#x2F;&#x2F;ex.com&#x2F;a" rel="nofollow">ex.com</a><p><pre><code>  a &lt; b\n</code></pre>',
      ),
    ).toBe('It\'s "fine" & *good*.\n\nSee [ex.com](<https://ex.com/a>)\n\n```\n  a < b\n```');
    // Markdown syntax HN never meant stays literal.
    expect(hnHtmlToMarkdown('2*3*4 and [x] and # not')).toBe('2\\*3\\*4 and \\[x\\] and # not');
  });
});

describe('import', () => {
  it('reports broken lines by number and imports the rest, with times, nesting and authors', async () => {
    const { items, problems } = parseHnFile(await read('ask-story.jsonl'));
    expect(problems.map((p) => p.where)).toEqual(['line 4', 'line 11']);
    expect(problems[0]!.message).toMatch(/not valid JSON/);
    expect(problems[1]!.message).toMatch(/^id: /);
    const report = await importHnItems(app.ctx.db, items, { tag: 'hacker-news' });
    expect(report).toMatchObject({ threads: 1, replies: 6, members: 4, alreadyImported: 0 });
    expect(report.skipped.map((s) => [s.id, s.reason])).toEqual([
      [9100006, 'deleted, with no replies'],
      [9100010, 'its parent 9999999 is neither in the file nor imported before'],
    ]);

    const thread = await app.ctx.db
      .selectFrom('threads')
      .selectAll()
      .where('title', 'like', 'Ask HN: Moving%')
      .executeTakeFirstOrThrow();
    expect(thread.created_at.toISOString()).toBe(new Date(1607356000 * 1000).toISOString());
    expect(thread.points).toBe(4);
    expect(thread.tags).toEqual(['hacker-news']);
    expect(thread.body_md).toContain("I've freelanced");
    expect(thread.body_md).toContain('"deciding what to build"');
    expect(thread.body_html).toContain('<em>freelance</em>');
    // HN's numbered lines become a real list.
    expect(thread.body_html).toMatch(
      /<ol>\n<li>Join a product studio[\s\S]*<li>Take a project-manager/,
    );

    const author = await app.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', thread.author_id!)
      .executeTakeFirstOrThrow();
    expect(author).toMatchObject({
      handle: 'quietbuilder',
      imported: true,
      email: null,
      password_hash: null,
    });
    const signIn = await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: 'quietbuilder', password: 'anything at all 123' });
    expect(signIn.status).toBeGreaterThanOrEqual(400);

    const detail = (await anonymous(app).get(`/api/threads/${thread.id}?sort=oldest`).expect(200))
      .body as ThreadDetail;
    expect(detail.thread.author).toMatchObject({ handle: 'quietbuilder', imported: true });
    expect(detail.replies.map((r) => [r.depth, r.state, r.author.handle])).toEqual([
      [0, 'visible', 'formerdev_pm'],
      [1, 'visible', 'quietbuilder'],
      [2, 'deleted', '[deleted]'],
      [3, 'visible', 'formerdev_pm'],
      [0, 'visible', 'agency_lead'],
      [0, 'hidden', 'spammy'],
    ]);
    expect(detail.replies[0]!.bodyHtml).toContain(
      '<a href="https://example.com/case-study" rel="nofollow ugc noopener noreferrer">',
    );
    expect(detail.replies[4]!.bodyHtml).toContain('<pre><code>  status = on_track if risks &lt; 3');
    expect(detail.replies[0]!.createdAt).toBe(new Date(1607357000 * 1000).toISOString());
    expect(detail.thread.replyCount).toBe(4);
  });

  it('re-importing changes nothing', async () => {
    const before = await snapshot();
    const { items } = parseHnFile(await read('ask-story.jsonl'));
    const report = await importHnItems(app.ctx.db, items, { tag: 'hacker-news' });
    expect(report).toMatchObject({ threads: 0, replies: 0, members: 0, alreadyImported: 7 });
    expect(await snapshot()).toEqual(before);
  });

  it('reads JSON arrays, reuses known authors, links stories with a url', async () => {
    const { items, problems } = parseHnFile(await read('array.json'));
    expect(problems).toEqual([]);
    const report = await importHnItems(app.ctx.db, items, { tag: 'hacker-news' });
    expect(report).toMatchObject({ threads: 2, replies: 1, members: 2 });
    const story = await app.ctx.db
      .selectFrom('threads')
      .select(['body_html', 'reply_count'])
      .where('title', '=', 'Notes on the first 90 days as a PM')
      .executeTakeFirstOrThrow();
    expect(story.body_html).toContain('href="https://example.org/first-90-days"');
    expect(story.reply_count).toBe(1);
  });

  it('the npm script reports problems with line numbers and imports nothing twice', async () => {
    const before = await snapshot();
    const run = promisify(execFile);
    const out = await run(
      path.resolve('node_modules/.bin/tsx'),
      ['scripts/import-hn.ts', path.join(fixtures, 'ask-story.jsonl')],
      { env: { ...process.env, DATABASE_URL: app.database.url, LOG_LEVEL: 'warn' } },
    ).catch((err: { code: number; stdout: string; stderr: string }) => err);
    expect('code' in out ? out.code : 0).toBe(2);
    expect(out.stderr).toMatch(/line 4: not valid JSON/);
    expect(out.stdout).toMatch(
      /Imported 0 threads, 0 replies, 0 new members .* 7 items were already imported/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('a broken JSON array is one clear problem', () => {
    const { items, problems } = parseHnFile('[{"id": 1, "type": "story"},');
    expect(items).toEqual([]);
    expect(problems[0]!.message).toMatch(/not a valid JSON array/);
  });
});
