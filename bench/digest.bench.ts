/**
 * Digests: build and deliver 10,000 digests to a local SMTP sink, next to a plain nodemailer
 * loop sending 10,000 copies of one of those very digests to the same sink in the same run.
 * `npm run bench -- digest` (BENCH_DIGESTS=n for another count; BENCH_DATABASE_URL for a
 * Postgres of your own, else an embedded one).
 *
 * Both sides use the same pooled SMTP transport settings (server/mail/index.ts: pool, SMTP_POOL_SIZE
 * connections) — the app's production path, and the fastest plain loop nodemailer allows.
 * The app side runs with the production job settings except JOBS_POLL_SECONDS=0.5 (the
 * minimum; it only matters for how soon an idle worker notices the run) and on a pool of
 * JOBS_POOL_SIZE connections, as the job workers get in production (server/boot.ts).
 *
 * Budget: digests/s >= 0.5 × the plain loop's messages/s, 0 duplicates (and nobody missed),
 * and the queries one batch makes printed for growing batch sizes (they must not grow).
 */
import { sql } from 'kysely';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../server/config';
import type { AppContext } from '../server/context';
import { createDb, createPool } from '../server/db';
import { migrateToLatest } from '../server/db/migrate';
import { buildDigestBatch } from '../server/digests/build';
import { digestEmails } from '../server/digests/email';
import { runDigestSchedule } from '../server/digests/jobs';
import { startJobs } from '../server/jobs';
import { installJobsSchema } from '../server/jobs/install';
import { smtpTransportOptions } from '../server/mail/index';
import { benchPostgres, dropDatabase, freshDatabase } from './env';
import { figure, type Figure } from './lib';

const PEOPLE = Number(process.env.BENCH_DIGESTS ?? 10_000);
const BATCH_SIZES = [10, 100, 200, 1000];

/** An SMTP sink that counts what it is given: recipients, Message-IDs, bytes. */
function sink() {
  let rcpts: string[] = [];
  let messageIds: string[] = [];
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      let head = '';
      stream.on('data', (d: Buffer) => {
        bytes += d.length;
        if (head.length < 4096) head += d.toString('latin1');
      });
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) rcpts.push(r.address);
        messageIds.push(/^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '');
        cb();
      });
    },
  });
  server.on('error', () => {}); // a client resetting its connection is not the sink's problem
  return {
    received: () => rcpts.length,
    /** What arrived since the last call, and start counting afresh. */
    take() {
      const out = { rcpts, messageIds, bytes };
      rcpts = [];
      messageIds = [];
      bytes = 0;
      return out;
    },
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Counts every statement sent on the pool's connections (Kysely's and pg-boss's alike). */
function countQueries(pool: pg.Pool) {
  let n = 0;
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a) => {
      n++;
      return query(...a);
    };
  });
  return () => n;
}

const until = async (what: string, done: () => boolean, ms = 900_000) => {
  const t0 = performance.now();
  while (!done()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export default async function run(): Promise<Figure[]> {
  const pgRun = await benchPostgres();
  const smtp = sink();
  const smtpUrl = await smtp.listen();
  const url = await freshDatabase(pgRun.adminUrl, 'digest');
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
    PUBLIC_URL: 'https://switchboard.example',
    SMTP_URL: smtpUrl,
    JOBS_POLL_SECONDS: '0.5',
    DIGEST_BATCH_SIZE: '200',
    ...(process.env.BENCH_JOBS_POOL ? { JOBS_POOL_SIZE: process.env.BENCH_JOBS_POOL } : {}),
    LOG_LEVEL: 'silent',
  });
  const pool = createPool(url, config.JOBS_POOL_SIZE);
  const queries = countQueries(pool);
  const db = createDb(pool);
  try {
    await migrateToLatest(db);
    await installJobsSchema(db, pool);
    await sql`
      INSERT INTO users (handle, email, display_name, email_verified_at, last_active_at)
      SELECT 'p' || i, 'p' || i || '@example.test', 'Person ' || i, now(), now() - interval '3 days'
        FROM generate_series(1, ${PEOPLE}) i`.execute(db);
    await sql`
      INSERT INTO notifications (user_id, kind, payload)
      SELECT u.id, k.kind, jsonb_build_object('threadId', gen_random_uuid(), 'replyId', gen_random_uuid(),
             'title', 'How do I move from backend work into product, question ' || u.handle,
             'by', jsonb_build_object('handle', 'rob', 'displayName', 'Rob Replier'),
             'excerpt', 'Start by owning one small product decision on your own team and writing it down.')
        FROM users u CROSS JOIN (VALUES ('reply_to_thread'), ('reply_to_thread'), ('followed_activity')) k(kind)`.execute(
      db,
    );
    const ctx: AppContext = {
      config,
      db,
      pool,
      logger: pino({ level: 'silent' }),
      migrationCount: 0,
    };

    // Queries per batch, for growing batches (rolled back: nothing is kept).
    const perBatch: [number, number][] = [];
    for (const size of BATCH_SIZES) {
      await db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ user_id: string; period: string }>`
            INSERT INTO digest_deliveries (user_id, period, since)
            SELECT id, 'daily:probe', now() - interval '1 day' FROM users LIMIT ${size}
            RETURNING user_id, period`.execute(trx);
          const r = await buildDigestBatch(
            trx,
            config,
            rows.map((x) => ({ userId: x.user_id, period: x.period })),
          );
          perBatch.push([size, r.queries]);
          throw new Error('rollback');
        })
        .catch(() => {});
    }

    // The product path: schedule -> batches of DIGEST_BATCH_SIZE -> mail jobs -> pooled SMTP.
    // A 23-hour window, and everybody's digest hour (UTC) about 12 hours ago: due once each,
    // whatever the time of day the bench runs.
    const hour = new Date(Date.now() - 12 * 3_600_000).getUTCHours();
    await sql`INSERT INTO notification_settings (user_id, digest_hour)
              SELECT id, ${hour} FROM users`.execute(db);
    await db
      .insertInto('digest_runs')
      .values({ id: 1, last_run_at: new Date(Date.now() - 23 * 3_600_000) })
      .execute();
    const jobs = await startJobs(ctx);
    const q0 = queries();
    const t0 = performance.now();
    const claimed = await runDigestSchedule(ctx);
    if (claimed.claimed !== PEOPLE) throw new Error(`claimed ${claimed.claimed} of ${PEOPLE}`);
    await until('the digests', () => smtp.received() >= PEOPLE);
    const digestSeconds = (performance.now() - t0) / 1000;
    const digestQueries = queries() - q0;
    await jobs.stop(); // also closes the app's SMTP pool
    const app = smtp.take();
    const duplicates = app.rcpts.length - new Set(app.rcpts).size;
    const missed = PEOPLE - new Set(app.rcpts).size;
    const sameMessageId = app.messageIds.length - new Set(app.messageIds).size;
    const avgSize = Math.round(app.bytes / app.rcpts.length);

    // The baseline: one of those digests, as the app's own builder makes it, sent PEOPLE times
    // by a plain nodemailer loop on a transport with the app's pool settings, 100 in flight.
    const person = await db
      .selectFrom('digest_deliveries')
      .select(['user_id', 'period'])
      .limit(1)
      .executeTakeFirstOrThrow();
    const built = await digestEmails.digest!(ctx, {
      template: 'digest',
      ids: { userId: person.user_id, period: person.period },
    });
    if (!('message' in built)) throw new Error(`no digest to copy: ${built.skip}`);
    const { message } = built;
    const nodemailer = (await import('nodemailer')).default;
    const transport = nodemailer.createTransport(smtpTransportOptions(config));
    const inFlight = new Set<Promise<unknown>>();
    const b0 = performance.now();
    for (let i = 0; i < PEOPLE; i++) {
      const p = transport
        .sendMail({
          from: config.MAIL_FROM,
          to: `b${i}@example.test`,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          messageId: `<baseline-${i}@switchboard.example>`,
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= 100) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await until('the baseline', () => smtp.received() >= PEOPLE);
    const baseSeconds = (performance.now() - b0) / 1000;
    transport.close();
    const base = smtp.take();
    const baseSize = Math.round(base.bytes / base.rcpts.length);

    const settings = `pool ${config.SMTP_POOL_SIZE} SMTP conns, ${config.JOBS_POOL_SIZE} PG conns, batch ${config.DIGEST_BATCH_SIZE}`;
    return [
      figure({
        name: `${PEOPLE} digests built + delivered (${claimed.claimed} claimed, ${claimed.batches} batches; ${settings})`,
        value: PEOPLE / digestSeconds,
        unit: 'msg/s',
        baseline: PEOPLE / baseSeconds,
        baselineLabel: `plain pooled nodemailer loop, same digest: ~${baseSize} B vs app ~${avgSize} B`,
        budget: { ratioAtLeast: 0.5 },
      }),
      figure({
        name: 'duplicate digests (same person twice)',
        value: duplicates,
        unit: '',
        budget: { valueAtMost: 0 },
      }),
      figure({ name: 'people missed', value: missed, unit: '', budget: { valueAtMost: 0 } }),
      figure({
        name: 'digests sharing a Message-ID',
        value: sameMessageId,
        unit: '',
        budget: { valueAtMost: 0 },
      }),
      figure({
        name: 'queries per digest, end to end (claim, build, mail job, pg-boss)',
        value: digestQueries / PEOPLE,
        unit: 'queries',
        budget: { report: true },
      }),
      ...perBatch.map(([size, q]) =>
        figure({
          name: `queries for one batch of ${size}`,
          value: q,
          unit: 'queries',
          budget: { valueAtMost: perBatch[0]![1] },
        }),
      ),
    ];
  } finally {
    await db.destroy();
    await smtp.close();
    await dropDatabase(pgRun.adminUrl, url);
    await pgRun.stop();
  }
}
