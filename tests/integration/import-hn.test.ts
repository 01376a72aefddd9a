import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHnFile, type ImportReport } from '../../server/import/hn';
import { hnHtmlToMarkdown } from '../../server/import/hn-html';
import { parseRecord } from '../../server/import/hn-record';
import type { ThreadDetail } from '../../shared/api/threads';
import { startTestApp, type TestApp } from '../helpers/app';
import { anonymous } from '../helpers/auth';
import { writeHnDump } from '../helpers/hn-dump';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/hn');
// A copy of ../shared/seed/ask-hn-item.txt (the post the product exists for), so the tests
// do not depend on a folder outside the checkout.
const seedFile = path.join(fixtures, 'ask-hn-item.txt');
let app: TestApp;
let tmp: string;

const importFile = (file: string, opts: Partial<Parameters<typeof importHnFile>[2]> = {}) =>
  importHnFile(app.ctx.db, file, { tag: 'hacker-news', ...opts });

async function snapshot() {
  const db = app.ctx.db;
  return {
    threads: await db
      .selectFrom('threads')
      .select(['id', 'title', 'body_md', 'updated_at', 'reply_count'])
      .orderBy('id')
      .execute(),
    replies: await db
      .selectFrom('replies')
      .select(['id', 'body_md', 'path', 'updated_at'])
      .orderBy('id')
      .execute(),
    users: await db.selectFrom('users').select(['id', 'handle']).orderBy('id').execute(),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  tmp = await mkdtemp(path.join(tmpdir(), 'hn-import-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

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

describe('the record format', () => {
  it('parses Python literals: quotes and escapes, None, booleans, numbers, lists', () => {
    const { value } = parseRecord(
      `Item(by='o\\'neil', text="say \\"hi\\", (ok)\\n\\x41\\u00e9", kids=[1, 2.5, -3], url=None, dead=True, deleted=False, t='a' "b")`,
    );
    expect(value).toEqual({
      by: "o'neil",
      text: 'say "hi", (ok)\nAé',
      kids: [1, 2.5, -3],
      url: null,
      dead: true,
      deleted: false,
      t: 'ab',
    });
    expect(() => parseRecord(`Item(by='x', score=Nope)`)).toThrow(/unknown name Nope/);
    expect(() => parseRecord(`Item(by='x`)).toThrow(/unterminated string/);
  });
});

describe('import', () => {
  it('imports the seed record as one question that reads as on HN; a second run changes nothing', async () => {
    const report = await importFile(seedFile);
    expect(report).toMatchObject({ format: 'record', threads: 1, replies: 0, members: 1 });
    expect(report.problemCount).toBe(0);
    const original = await readFile(seedFile, 'utf8');
    const title = /title='([^']*)'/.exec(original)![1]!;

    const thread = await app.ctx.db
      .selectFrom('threads')
      .selectAll()
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    expect(thread.title).toBe(
      'Ask HN: How to shift an engineering career towards Product Management?',
    );
    expect(thread.created_at.toISOString()).toBe(new Date(1607356429 * 1000).toISOString());
    expect(thread.body_md).toMatch(
      /^I'm looking for some career advice, and perspective\. If HN isn't/,
    );
    expect(thread.body_md).toContain('commented on my "lack of web app experience", which');
    expect(thread.body_md).not.toMatch(/&#x27;|&quot;|<p>|\\n/);
    expect(thread.body_md).toContain(
      "doesn't (and won't) offer any opportunity for relevant experience?",
    );
    // The four paths are a real numbered list, in order.
    const items = [...thread.body_html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!);
    expect(thread.body_html).toContain('<ol>');
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/^Focus on learning algorithms/);
    expect(items[1]).toMatch(/^Apply for PM roles/);
    expect(items[2]).toMatch(/^Find a startup that needs an engineering lead/);
    expect(items[3]).toMatch(/^Start my own thing\./);
    expect(thread.body_html).toContain('<p>My main concern right now');

    const author = await app.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', thread.author_id!)
      .executeTakeFirstOrThrow();
    expect(author).toMatchObject({
      handle: 'hn-duhi88',
      display_name: 'duhi88',
      imported: true,
      email: null,
      password_hash: null,
    });
    expect(author.bio).toMatch(/imported from Hacker News/i);
    expect(author.bio).toContain('https://news.ycombinator.com/user?id=duhi88');
    expect(author.bio).toMatch(/https:\/\/news\.ycombinator\.com\/item\?id=\d+/);

    const before = await snapshot();
    const again = await importFile(seedFile);
    expect(again).toMatchObject({ threads: 0, replies: 0, members: 0, alreadyImported: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('JSON Lines: bad records reported with their position and skipped, the rest imported with nesting and tombstones', async () => {
    const problems: string[] = [];
    const report = await importFile(path.join(fixtures, 'ask-story.jsonl'), {
      onProblem: (p) => problems.push(`${p.where}: ${p.message}`),
    });
    expect(report).toMatchObject({ format: 'json-lines', threads: 1, replies: 6, members: 4 });
    expect(problems).toEqual([
      expect.stringMatching(/^line 4: not valid JSON/),
      'line 11: id: must be a number',
      'line 8: deleted, with no replies: nothing to show',
      'line 10: its parent 9999999 is not imported yet: kept, and attached when an import brings it',
    ]);
    expect(report.waiting).toBe(1);

    const thread = await app.ctx.db
      .selectFrom('threads')
      .selectAll()
      .where('title', 'like', 'Ask HN: Moving%')
      .executeTakeFirstOrThrow();
    expect(thread.points).toBe(4);
    expect(thread.tags).toEqual(['hacker-news']);
    expect(thread.body_html).toContain('<em>freelance</em>');
    expect(thread.body_html).toMatch(
      /<ol>\n<li>Join a product studio[\s\S]*<li>Take a project-manager/,
    );

    const signIn = await anonymous(app)
      .post('/api/auth/sign-in')
      .send({ login: 'hn-quietbuilder', password: 'anything at all 123' });
    expect(signIn.status).toBeGreaterThanOrEqual(400);

    const detail = (await anonymous(app).get(`/api/threads/${thread.id}?sort=oldest`).expect(200))
      .body as ThreadDetail;
    expect(detail.thread.author).toMatchObject({ handle: 'hn-quietbuilder', imported: true });
    expect(detail.replies.map((r) => [r.depth, r.state, r.author.handle])).toEqual([
      [0, 'visible', 'hn-formerdev_pm'],
      [1, 'visible', 'hn-quietbuilder'],
      [2, 'deleted', '[deleted]'],
      [3, 'visible', 'hn-formerdev_pm'],
      [0, 'visible', 'hn-agency_lead'],
      [0, 'hidden', 'hn-spammy'],
    ]);
    expect(detail.replies[0]!.bodyHtml).toContain(
      '<a href="https://example.com/case-study" rel="nofollow ugc noopener noreferrer">',
    );
    expect(detail.replies[4]!.bodyHtml).toContain('<pre><code>  status = on_track if risks &lt; 3');
    expect(detail.thread.replyCount).toBe(4);

    const before = await snapshot();
    const again = await importFile(path.join(fixtures, 'ask-story.jsonl'));
    expect(again).toMatchObject({ threads: 0, replies: 0, members: 0, alreadyImported: 8 });
    expect(await snapshot()).toEqual(before);
  });

  it('a reply whose parent comes in a later file is attached then', async () => {
    const late = path.join(tmp, 'late-parent.jsonl');
    await writeFile(
      late,
      JSON.stringify({
        by: 'lost_parent',
        id: 9999999,
        type: 'story',
        time: 1607362500,
        title: 'The missing parent',
      }) + '\n',
    );
    const report = await importFile(late);
    expect(report).toMatchObject({ threads: 1, replies: 1, waiting: 0 });
    const child = await app.ctx.db
      .selectFrom('replies as r')
      .innerJoin('threads as t', 't.id', 'r.thread_id')
      .select(['t.title', 'r.depth', 'r.parent_id'])
      .where('r.body_md', '=', 'My parent is missing.')
      .executeTakeFirstOrThrow();
    expect(child).toEqual({ title: 'The missing parent', depth: 0, parent_id: null });
  });

  it('gzip-compressed JSON arrays, then the same items uncompressed: nothing twice', async () => {
    const gz = path.join(tmp, 'array.json.gz');
    await writeFile(gz, gzipSync(await readFile(path.join(fixtures, 'array.json'))));
    const report = await importFile(gz);
    expect(report).toMatchObject({ format: 'json-array', gzip: true, threads: 2, replies: 1 });
    const story = await app.ctx.db
      .selectFrom('threads')
      .select(['body_html', 'reply_count'])
      .where('title', '=', 'Notes on the first 90 days as a PM')
      .executeTakeFirstOrThrow();
    expect(story.body_html).toContain('href="https://example.org/first-90-days"');
    expect(story.reply_count).toBe(1);

    const before = await snapshot();
    const plain = await importFile(path.join(fixtures, 'array.json'));
    expect(plain).toMatchObject({ gzip: false, threads: 0, replies: 0, alreadyImported: 3 });
    expect(await snapshot()).toEqual(before);
  });

  it('a broken JSON array keeps what came before and names where it broke', async () => {
    const broken = path.join(tmp, 'broken.json');
    await writeFile(
      broken,
      '[{"id": 9300001, "type": "story", "title": "Before the break", "time": 1700000000}, {"id": 9300002,',
    );
    const report = await importFile(broken);
    expect(report.threads).toBe(1);
    expect(report.problems[0]).toMatchObject({ where: 'item 2' });
    expect(report.problems[0]!.message).toMatch(/not a valid JSON array from here on/);
  });

  it('two HN names that fold to one handle become two members, numbered in the order they came', async () => {
    const file = path.join(tmp, 'fold.jsonl');
    const items = [
      { id: 9400001, type: 'story', by: 'Fold.Me', time: 1700000000, title: 'First of two' },
      { id: 9400002, type: 'story', by: 'fold_me', time: 1700000001, title: 'Second of two' },
      { id: 9400003, type: 'comment', by: 'Fold.Me', time: 1700000002, parent: 9400002 },
    ];
    await writeFile(file, items.map((i) => JSON.stringify({ ...i, text: 'hi' })).join('\n'));
    const report = await importFile(file);
    expect(report).toMatchObject({ threads: 2, replies: 1, members: 2 });
    const authors = await sql<{ title: string; handle: string; display_name: string }>`
      SELECT t.title, u.handle, u.display_name FROM threads t JOIN users u ON u.id = t.author_id
       WHERE t.title LIKE '% of two' ORDER BY t.title`.execute(app.ctx.db);
    expect(authors.rows).toEqual([
      { title: 'First of two', handle: 'hn-fold_me', display_name: 'Fold.Me' },
      { title: 'Second of two', handle: 'hn-fold_me-2', display_name: 'fold_me' },
    ]);
    const reply = await sql<{ handle: string }>`
      SELECT u.handle FROM hn_items h JOIN replies r ON r.id = h.reply_id
        JOIN users u ON u.id = r.author_id WHERE h.hn_id = 9400003`.execute(app.ctx.db);
    expect(reply.rows).toEqual([{ handle: 'hn-fold_me' }]);
  });

  it('sign-up refuses the handles imported members use', async () => {
    const res = await anonymous(app).post('/api/auth/sign-up').send({
      email: 'someone@example.com',
      handle: 'hn-duhi88',
      displayName: 'Someone',
      password: 'correct horse battery staple',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('handle');
  });

  it('the npm script reports problems with their line and imports nothing twice', async () => {
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
      /Imported 0 threads, 0 replies, 0 new members .* 8 items were already imported/,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('a large shuffled dump', () => {
  async function placement(): Promise<Map<number, number>> {
    const { rows } = await sql<{ hn_id: string; parent_hn_id: string }>`
      SELECT c.hn_id, coalesce(pr.hn_id, pt.hn_id) AS parent_hn_id
        FROM hn_items c
        JOIN replies r ON r.id = c.reply_id
        LEFT JOIN hn_items pr ON pr.reply_id = r.parent_id
        LEFT JOIN hn_items pt ON r.parent_id IS NULL AND pt.thread_id = r.thread_id AND pt.reply_id IS NULL
       WHERE c.hn_id >= 30000000 AND c.hn_id < 40000000`.execute(app.ctx.db);
    return new Map(rows.map((r) => [Number(r.hn_id), Number(r.parent_hn_id)]));
  }

  it('an interrupted import resumes without duplicates', async () => {
    const file = path.join(tmp, 'resume.jsonl');
    const dump = await writeHnDump(file, 6000, 7);
    const stop = new AbortController();
    let batches = 0;
    const first = await importFile(file, {
      batchSize: 500,
      signal: stop.signal,
      onBatch: () => {
        if (++batches === 3) stop.abort();
      },
    });
    expect(first.interrupted).toBe(true);
    expect(first.records).toBe(1500);
    const second = await importFile(file, { batchSize: 500 });
    expect(second.resumedAfter).toBe(1500);
    expect(second.interrupted).toBe(false);
    expect(first.threads + second.threads).toBe(dump.stories);
    expect(first.replies + second.replies).toBe(dump.parents.size);
    expect(second.waiting).toBe(0);
    expect(await placement()).toEqual(dump.parents);
    const third = await importFile(file, { batchSize: 2000 });
    expect(third).toMatchObject({ threads: 0, replies: 0, resumedAfter: 0 });
    expect(third.alreadyImported).toBe(6000 - dump.skippedDeleted);
  });

  it('100,000 items, shuffled, with dead and deleted ones: every reply under the right parent', async () => {
    // Start from no generated items (the test above imported some with the same ids).
    await sql`DELETE FROM threads WHERE id IN (SELECT thread_id FROM hn_items WHERE hn_id >= 30000000)`.execute(
      app.ctx.db,
    );
    const file = path.join(tmp, 'big.jsonl');
    const dump = await writeHnDump(file, 100_000, 42);
    const report: ImportReport = await importFile(file);
    expect(report).toMatchObject({ threads: dump.stories, replies: dump.parents.size, waiting: 0 });
    expect(report.problemCount).toBe(dump.skippedDeleted);
    // Rendered off the main thread: the worker pool really started (it once failed silently
    // under tsx and everything was rendered inline, three times slower).
    expect(report.timings.renderWorkers).toBeGreaterThan(0);
    expect(report.timings.renderedInline).toBe(0);
    expect(await placement()).toEqual(dump.parents);
    const counts = await sql<{ deleted: number; hidden: number; bad_depth: number }>`
      SELECT count(*) FILTER (WHERE r.deleted_at IS NOT NULL)::int AS deleted,
             count(*) FILTER (WHERE r.hidden_at IS NOT NULL)::int AS hidden,
             count(*) FILTER (WHERE p.id IS NOT NULL AND (r.depth <> p.depth + 1 OR r.path NOT LIKE p.path || '%'))::int AS bad_depth
        FROM replies r JOIN hn_items h ON h.reply_id = r.id AND h.hn_id >= 30000000
        LEFT JOIN replies p ON p.id = r.parent_id`.execute(app.ctx.db);
    expect(counts.rows[0]!.deleted).toBeGreaterThan(100);
    expect(counts.rows[0]!.hidden).toBeGreaterThan(1000);
    expect(counts.rows[0]!.bad_depth).toBe(0);
  }, 300_000);
});
