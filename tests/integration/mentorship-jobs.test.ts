import { beforeAll, describe, expect, it } from 'vitest';
import { queues, type Jobs } from '../../server/jobs';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser } from '../helpers/auth';
import { createMentor, goodMessage } from './mentorship-fixtures';

let app: TestApp;
let jobs: Jobs;

beforeAll(async () => {
  app = await startTestApp();
  jobs = app.jobs;
});

describe('background jobs (pg-boss)', () => {
  it('schedules the expiry sweep and runs it through the queue', async () => {
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron])).toContainEqual([
      queues.expireRequests,
      '*/10 * * * *',
    ]);
    const mentor = await createMentor(app.ctx.db);
    const asker = await createUser(app.ctx.db);
    const { id } = await app.ctx.db
      .insertInto('mentorship_requests')
      .values({
        asker_id: asker.id,
        mentor_id: mentor.id,
        message: goodMessage,
        expires_at: new Date(Date.now() - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await jobs.boss.send(queues.expireRequests, {});
    const deadline = Date.now() + 20_000;
    let status = 'open';
    while (status === 'open' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      status = (
        await app.ctx.db
          .selectFrom('mentorship_requests')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    }
    expect(status).toBe('expired');
  });
});
