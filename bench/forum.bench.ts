/**
 * Forum at scale (scripts/seed-large.ts).
 *  - seeding 100,000 threads and 1,000,000 replies (set-based SQL) — budget 2 minutes — and
 *    the two pages' queries there vs at 10,000 replies (latency must not grow with the table:
 *    ratio <= 1.5). BENCH_FORUM_SCALE=off skips this part (it is most of the bench's time).
 *  - on 10,000 threads / 100,000 replies: the 300-reply thread as a visitor and as a member,
 *    the hot list as a member, bytes on the wire and RSS, each against a bare node:http server
 *    sending the same bytes (bench/member-reads.ts), and the thread's server-rendered page as
 *    HTML for a visitor, the same way; the old node:http + pg `SELECT 1`
 *    baseline stays printed for reference.
 */
import { pino } from 'pino';
import { createDb, createPool, type Db } from '../server/db';
import { migrateToLatest } from '../server/db/migrate';
import { listReplies } from '../server/replies/queries';
import { listHot } from '../server/threads/queries';
import { findThread } from '../server/threads/thread-queries';
import { BIG_THREAD_REPLIES, seedLarge } from '../scripts/seed-large';
import { ensureClientBuilt } from '../server/client-build';
import { requestsPerSecond } from './autocannon';
import { memberReadFigures } from './member-reads';
import { benchPostgres, freshDatabase, spawnApp, spawnHelper } from './env';
import { figure, percentile, type Figure } from './lib';

const log = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'info' });

async function prepare(url: string, size: { threads: number; replies: number; users: number }) {
  const pool = createPool(url, 4);
  const db = createDb(pool);
  await migrateToLatest(db);
  const started = Date.now();
  await seedLarge(db, size);
  const seconds = (Date.now() - started) / 1000;
  const big = await db
    .selectFrom('threads')
    .select('id')
    .where('reply_count', '=', BIG_THREAD_REPLIES)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { db, seconds, bigThreadId: big.id };
}

/** Median latency of one page's queries, after a warm-up. */
async function medianMs(fn: () => Promise<unknown>, runs = 200): Promise<number> {
  for (let i = 0; i < 30; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    await fn();
    xs.push(performance.now() - a);
  }
  return percentile(
    xs.sort((a, b) => a - b),
    50,
  );
}

const pageQueries = (db: Db, threadId: string) => ({
  hot: () => listHot(db, { limit: 31, candidates: 1000, asOf: new Date() }),
  // As the service does: the thread row (with its event number), then the reply tree.
  thread: async () => {
    await findThread(db, threadId, null);
    await listReplies(db, threadId, null);
  },
});

export default async function run(): Promise<Figure[]> {
  const pg = await benchPostgres();
  const figures: Figure[] = [];
  try {
    const scale = process.env.BENCH_FORUM_SCALE !== 'off';
    const midUrl = await freshDatabase(pg.adminUrl, 'forum_mid');
    log.info('seeding 10,000 threads and 100,000 replies…');
    const mid = await prepare(midUrl, { threads: 10_000, replies: 100_000, users: 5_000 });
    await mid.db.destroy();
    if (scale) {
      const smallUrl = await freshDatabase(pg.adminUrl, 'forum_small');
      const largeUrl = await freshDatabase(pg.adminUrl, 'forum_large');
      const small = await prepare(smallUrl, { threads: 1_000, replies: 10_000, users: 1_000 });
      log.info('seeding 100,000 threads and 1,000,000 replies…');
      const large = await prepare(largeUrl, {
        threads: 100_000,
        replies: 1_000_000,
        users: 10_000,
      });
      log.info({ seconds: large.seconds }, 'seeded');
      figures.push(
        figure({
          name: 'npm run seed:large (100k threads, 1M replies)',
          value: large.seconds,
          unit: 's',
          budget: { valueAtMost: 120 },
        }),
      );

      const s = pageQueries(small.db, small.bigThreadId);
      const l = pageQueries(large.db, large.bigThreadId);
      for (const [name, key] of [
        ['hot front page queries', 'hot'],
        ['300-reply thread queries', 'thread'],
      ] as const) {
        const at10k = await medianMs(s[key]);
        const at1m = await medianMs(l[key]);
        figures.push(
          figure({
            name: `${name}: median at 1M replies vs at 10k`,
            value: at1m,
            unit: 'ms',
            baseline: at10k,
            baselineLabel: '10k replies',
            budget: { ratioAtMost: 1.5 },
          }),
        );
      }
      await small.db.destroy();
      await large.db.destroy();
    }

    // The server renders pages into the built client's index.html (the HTML line).
    await ensureClientBuilt(log);
    const app = await spawnApp({
      DATABASE_URL: midUrl,
      BUILD_CLIENT: 'false',
      SEED_DEMO: 'false',
      FORUM_VOTES_PER_DAY_NEW: '100',
    });
    const bare = await spawnHelper('bare-http.ts', { PG_URL: midUrl });
    try {
      const front = `${app.url}/api/threads?sort=hot`;
      const thread = `${app.url}/api/threads/${mid.bigThreadId}`;
      const runs = {
        bare: [] as number[],
        health: [] as number[],
        front: [] as number[],
        thread: [] as number[],
      };
      // Alternate, so the shared machine's noise spreads over all sides.
      for (let i = 0; i < 2; i++) {
        runs.bare.push(await requestsPerSecond(bare.url));
        runs.health.push(await requestsPerSecond(`${app.url}/healthz`));
        runs.front.push(await requestsPerSecond(front));
        // What Chromium and Firefox send; the cached thread is compressed once, not per request.
        runs.thread.push(
          await requestsPerSecond(thread, {
            headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
          }),
        );
      }
      const best = (xs: number[]) => Math.max(...xs);
      figures.push(...(await memberReadFigures(app, mid.bigThreadId)));
      figures.push(
        // For reading the two below: the same app's cheapest route, no database, no /api
        // middleware — the ceiling any endpoint of this stack can reach.
        figure({
          name: 'GET /healthz, same app (stack ceiling, for reference)',
          value: best(runs.health),
          unit: 'req/s',
          baseline: best(runs.bare),
          baselineLabel: 'node:http + pg SELECT 1',
          budget: { report: true },
        }),
        figure({
          name: 'GET /api/threads?sort=hot, visitor (old baseline, for reference)',
          value: best(runs.front),
          unit: 'req/s',
          baseline: best(runs.bare),
          baselineLabel: 'node:http + pg SELECT 1',
          budget: { report: true },
        }),
        figure({
          name: `GET /api/threads/:id (${BIG_THREAD_REPLIES} replies), visitor (old baseline, for reference)`,
          value: best(runs.thread),
          unit: 'req/s',
          baseline: best(runs.bare),
          baselineLabel: 'node:http + pg SELECT 1',
          budget: { report: true },
        }),
      );
    } finally {
      await app.stop();
      await bare.stop();
    }
    return figures;
  } finally {
    await pg.stop();
  }
}
