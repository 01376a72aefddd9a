/**
 * Digests: build and deliver 10,000 digests to a local SMTP sink, next to a plain nodemailer
 * loop sending 10,000 messages of the same size to the same sink in the same run.
 * `npm run bench -- digest`
 *
 * Budget: digests/s >= 0.5 × the plain loop's messages/s, 0 duplicates, and the queries one
 * batch makes printed for growing batch sizes (they must not grow).
 */
import { sql } from 'kysely';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../server/config';
import type { AppContext } from '../server/context';
import { createDb, createPool } from '../server/db';
import { migrateToLatest } from '../server/db/migrate';
import { buildDigestBatch } from '../server/digests/build';
import { runDigestSchedule } from '../server/digests/jobs';
import { startJobs } from '../server/jobs';
import { installJobsSchema } from '../server/jobs/install';
import { benchPostgres, freshDatabase } from './env';
import { figure, type Figure } from './lib';

const PEOPLE = Number(process.env.BENCH_DIGESTS ?? 10_000);

function sink() {
  const rcpts: string[] = [];
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, cb) {
      stream.on('data', (d: Buffer) => (bytes += d.length));
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) rcpts.push(r.address);
        cb();
      });
    },
  });
  return {
    rcpts,
    bytes: () => bytes,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export default async function run(): Promise<Figure[]> {
  const pgRun = await benchPostgres();
  const smtp = sink();
  const smtpUrl = await smtp.listen();
  const url = await freshDatabase(pgRun.adminUrl, 'digest');
  const pool = createPool(url, 12);
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

    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret',
      PUBLIC_URL: 'https://switchboard.example',
      SMTP_URL: smtpUrl,
      JOBS_POLL_SECONDS: '0.5',
      DIGEST_BATCH_SIZE: '200',
      LOG_LEVEL: 'silent',
    });
    const ctx: AppContext = {
      config,
      db,
      pool,
      logger: pino({ level: 'silent' }),
      migrationCount: 0,
    };

    // Queries per batch, for growing batches (rolled back: nothing is kept).
    const perBatch: [number, number][] = [];
    for (const size of [10, 100, 1000]) {
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

    // The product path: schedule -> batches -> mail jobs -> SMTP.
    await db
      .insertInto('digest_runs')
      .values({ id: 1, last_run_at: new Date(Date.now() - 23 * 3_600_000) })
      .execute();
    const jobs = await startJobs(ctx);
    const t0 = performance.now();
    const claimed = await runDigestSchedule(ctx);
    while (smtp.rcpts.length < PEOPLE) {
      await new Promise((r) => setTimeout(r, 100));
      if (performance.now() - t0 > 600_000) throw new Error(`only ${smtp.rcpts.length} arrived`);
    }
    const digestSeconds = (performance.now() - t0) / 1000;
    await jobs.stop();
    const digestCount = smtp.rcpts.length;
    const duplicates = digestCount - new Set(smtp.rcpts).size;
    const avgSize = Math.round(smtp.bytes() / digestCount);

    // The baseline: a plain nodemailer loop, same sink, same transport settings, same size.
    const nodemailer = (await import('nodemailer')).default;
    const transport = nodemailer.createTransport(smtpUrl);
    const filler = 'x'.repeat(Math.max(0, avgSize - 600));
    const b0 = performance.now();
    for (let i = 0; i < PEOPLE; i++)
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: `b${i}@example.test`,
        subject: 'Baseline message',
        text: filler,
        html: `<p>${filler}</p>`.slice(0, filler.length / 2),
      });
    const baseSeconds = (performance.now() - b0) / 1000;

    return [
      figure({
        name: `${PEOPLE} digests built + delivered (claimed ${claimed.claimed})`,
        value: PEOPLE / digestSeconds,
        unit: 'msg/s',
        baseline: PEOPLE / baseSeconds,
        baselineLabel: `plain nodemailer loop, ~${avgSize} B each`,
        budget: { ratioAtLeast: 0.5 },
      }),
      figure({
        name: 'duplicate digests',
        value: duplicates,
        unit: '',
        budget: { valueAtMost: 0 },
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
    await pgRun.stop();
  }
}
