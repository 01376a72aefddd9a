import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/types';

/**
 * Which digests fell due in (from, to]: for each person, their local digest time on each local
 * date that the window touches, turned into an instant by Postgres's own time-zone rules
 * (`timestamp AT TIME ZONE zone`, the IANA database). A wall time that does not exist (spring
 * forward) takes the offset before the jump, so it still happens once, just after the gap; a
 * wall time that happens twice (fall back) is read once (Postgres takes the standard-time
 * reading), so it happens once. Zones with :30
 * and :45 offsets are ordinary rows. One digest per person and period: the (user, period) key
 * is unique and claimed here, ON CONFLICT DO NOTHING — a second scheduler or an overlapping
 * window claims nothing twice. One query for everybody.
 */
export async function claimDueDigests(
  trx: Transaction<DB>,
  from: Date,
  to: Date,
): Promise<{ user_id: string; period: string }[]> {
  const { rows } = await sql<{ user_id: string; period: string }>`
    WITH people AS (
      SELECT u.id, u.time_zone AS tz,
             coalesce(s.digest_frequency, 'daily') AS freq,
             coalesce(s.digest_hour, 8) AS hour,
             coalesce(s.digest_weekday, 1) AS weekday
        FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id
       WHERE u.deleted_at IS NULL AND u.email IS NOT NULL AND u.email_verified_at IS NOT NULL
         AND coalesce(s.digest_frequency, 'daily') <> 'never'
    ), due AS (
      SELECT p.id, p.freq, d::date AS day,
             ((d::date + make_interval(hours => p.hour)) AT TIME ZONE p.tz) AS at
        FROM people p
       CROSS JOIN LATERAL generate_series(
               (${from}::timestamptz AT TIME ZONE p.tz)::date - 1,
               (${to}::timestamptz AT TIME ZONE p.tz)::date, interval '1 day') d
       WHERE p.freq = 'daily' OR extract(isodow FROM d) = p.weekday
    )
    INSERT INTO digest_deliveries (user_id, period, since)
    SELECT id, freq || ':' || day::text,
           at - CASE WHEN freq = 'weekly' THEN interval '7 days' ELSE interval '1 day' END
      FROM due
     WHERE at > ${from}::timestamptz AND at <= ${to}::timestamptz
    ON CONFLICT DO NOTHING
    RETURNING user_id, period`.execute(trx);
  return rows;
}

/**
 * The scheduler's window: from the end of the last run to now, under a row lock so two
 * instances firing at once take turns (the second sees an empty window). Capped at two days
 * after a long outage (older digests would be stale news).
 */
export async function nextWindow(
  trx: Transaction<DB>,
  now: Date,
): Promise<{ from: Date; to: Date }> {
  const row = await trx
    .selectFrom('digest_runs')
    .select('last_run_at')
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirst();
  const floor = new Date(now.getTime() - 2 * 86_400_000);
  const from = row
    ? row.last_run_at < floor
      ? floor
      : row.last_run_at
    : new Date(now.getTime() - 15 * 60_000);
  const to = now > from ? now : from;
  await trx
    .insertInto('digest_runs')
    .values({ id: 1, last_run_at: to })
    .onConflict((oc) => oc.column('id').doUpdateSet({ last_run_at: to }))
    .execute();
  return { from, to };
}
