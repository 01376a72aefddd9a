import { beforeAll, describe, expect, it } from 'vitest';
import { claimDueDigests } from '../../server/digests/claim';
import type { Db } from '../../server/db';
import { createUser } from '../helpers/auth';
import { createTestDatabase } from '../helpers/db';

/**
 * The scheduler runs every 15 minutes over (last run, now]. Walk those windows across the
 * hard days and see each person's digest claimed exactly once, at the right instant.
 */
let db: Db;
beforeAll(async () => {
  const database = await createTestDatabase();
  db = database.db;
  return () => database.destroy();
});

async function person(timeZone: string, hour: number, weekly?: number) {
  const u = await createUser(db);
  await db.updateTable('users').set({ time_zone: timeZone }).where('id', '=', u.id).execute();
  await db
    .insertInto('notification_settings')
    .values({
      user_id: u.id,
      digest_hour: hour,
      digest_frequency: weekly ? 'weekly' : 'daily',
      digest_weekday: weekly ?? 1,
    })
    .execute();
  return u.id;
}

/** Every claim made while walking 15-minute windows from `start` to `end`: [userId, period, window end]. */
async function walk(start: string, end: string, step = 15) {
  const out: [string, string, string][] = [];
  for (let t = Date.parse(start); t < Date.parse(end); t += step * 60_000) {
    const from = new Date(t);
    const to = new Date(t + step * 60_000);
    const rows = await db.transaction().execute((trx) => claimDueDigests(trx, from, to));
    for (const r of rows) out.push([r.user_id, r.period, to.toISOString()]);
  }
  return out;
}

describe('digest windows', () => {
  it('America/New_York across both DST changes, Asia/Kathmandu (+5:45), Australia/Lord_Howe (30-minute DST)', async () => {
    const nySpring = await person('America/New_York', 2); // 02:00 does not exist on 8 March
    const nyFall = await person('America/New_York', 1); // 01:00 happens twice on 1 November
    const ktm = await person('Asia/Kathmandu', 8);
    const lordHowe = await person('Australia/Lord_Howe', 2); // 02:00 -> 02:30 on 4 October
    const weekly = await person('America/New_York', 9, 7); // Sundays 09:00

    const spring = await walk('2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z');
    const of = (rows: typeof spring, id: string) =>
      rows.filter((r) => r[0] === id).map((r) => [r[1], r[2]]);
    // The 02:00 that does not exist is sent once, just after the jump (03:00 EDT = 07:00Z).
    expect(of(spring, nySpring)).toEqual([
      ['daily:2026-03-08', '2026-03-08T07:00:00.000Z'],
      ['daily:2026-03-09', '2026-03-09T06:00:00.000Z'],
    ]);
    expect(of(spring, weekly)).toEqual([['weekly:2026-03-08', '2026-03-08T13:00:00.000Z']]);
    // Kathmandu 08:00 = 02:15Z: the window (02:00, 02:15].
    expect(of(spring, ktm)).toEqual([
      ['daily:2026-03-08', '2026-03-08T02:15:00.000Z'],
      ['daily:2026-03-09', '2026-03-09T02:15:00.000Z'],
    ]);

    const fall = await walk('2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z');
    // 01:00 happens at 05:00Z (EDT) and again at 06:00Z (EST): one digest (Postgres takes
    // the standard-time reading), not two.
    expect(of(fall, nyFall)).toEqual([
      ['daily:2026-11-01', '2026-11-01T06:00:00.000Z'],
      ['daily:2026-11-02', '2026-11-02T06:00:00.000Z'],
    ]);

    const lh = await walk('2026-10-02T12:00:00Z', '2026-10-04T12:00:00Z');
    // Lord Howe: 02:00 at +10:30 = 15:30Z; on 4 October 02:00–02:30 does not exist -> 15:30Z (02:30 +11).
    expect(of(lh, lordHowe)).toEqual([
      ['daily:2026-10-03', '2026-10-02T15:30:00.000Z'],
      ['daily:2026-10-04', '2026-10-03T15:30:00.000Z'],
    ]);

    // A second scheduler walking the same windows claims nothing again.
    expect(await walk('2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z', 60)).toEqual([]);
  });
});
