/**
 * The seat ledger (mentor_match_stats.active_mentees) and response-time stats. The
 * mentorship request flow calls these inside its own transactions; the ranking reads them.
 *
 * Capacity is enforced HERE, in one conditional statement, so two acceptances racing for a
 * mentor's last seat cannot both win (the row lock of ON CONFLICT DO UPDATE serialises them
 * and the WHERE is re-checked against the committed count).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types';

type Conn = Kysely<DB> | Transaction<DB>;

/** Takes one seat if the mentor has one free; false when full or paused. */
export async function reserveMentorSeat(db: Conn, mentorId: string): Promise<boolean> {
  const r = await sql<{ active_mentees: number }>`
    INSERT INTO mentor_match_stats AS s (mentor_id, active_mentees)
    SELECT m.user_id, 1 FROM mentor_profiles m WHERE m.user_id = ${mentorId}::uuid AND m.capacity > 0
    ON CONFLICT (mentor_id) DO UPDATE
      SET active_mentees = s.active_mentees + 1, updated_at = now()
      WHERE s.active_mentees < (SELECT capacity FROM mentor_profiles WHERE user_id = s.mentor_id)
    RETURNING s.active_mentees`.execute(db);
  return r.rows.length === 1;
}

/** Gives a seat back when a mentorship ends (never below zero). */
export async function releaseMentorSeat(db: Conn, mentorId: string): Promise<void> {
  await sql`
    UPDATE mentor_match_stats
    SET active_mentees = greatest(active_mentees - 1, 0), updated_at = now()
    WHERE mentor_id = ${mentorId}::uuid`.execute(db);
}

/**
 * Records how long a mentor took to answer a request or a first message. A plain mean for
 * the first five answers, then an exponential average (weight 0.2), so the figure follows a
 * mentor who got slower or faster instead of being frozen by old history.
 */
export async function recordMentorResponse(
  db: Conn,
  mentorId: string,
  hours: number,
): Promise<void> {
  const h = Math.max(0, hours);
  await sql`
    INSERT INTO mentor_match_stats AS s (mentor_id, response_count, response_hours)
    VALUES (${mentorId}::uuid, 1, ${h}::real)
    ON CONFLICT (mentor_id) DO UPDATE SET
      response_hours = coalesce(s.response_hours, 0)
        + (${h}::real - coalesce(s.response_hours, 0)) * greatest(1.0 / (s.response_count + 1), 0.2),
      response_count = s.response_count + 1,
      updated_at = now()`.execute(db);
}

export async function blockMentor(db: Conn, askerId: string, mentorId: string): Promise<void> {
  await db
    .insertInto('mentor_blocks')
    .values({ asker_id: askerId, mentor_id: mentorId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function unblockMentor(db: Conn, askerId: string, mentorId: string): Promise<void> {
  await db
    .deleteFrom('mentor_blocks')
    .where('asker_id', '=', askerId)
    .where('mentor_id', '=', mentorId)
    .execute();
}
