/**
 * Who hears about a new question: the best-fitting mentors who opted in, each at most
 * min(their own daily cap, WEIGHTS.exposure.maxQuestionNotificationsPerDay) per UTC day,
 * never the asker. Recording happens here, so the caller only delivers.
 */
import { sql } from 'kysely';
import { WEIGHTS, type MatchingWeights } from '../../shared/matching/weights';
import type { Db } from '../db';
import { rankMentors, utcDay } from './engine';
import { askerOfThread, keepStatsFresh, loadThread } from './service';

export interface NotifyPick {
  mentorId: string;
  fit: number;
  reasons: string[];
}

/** Ranked further than the final count: opt-outs and full daily caps fall out on the way. */
const LOOK_AT = 40;

/**
 * Idempotent per (thread, mentor): a retry returns the mentors already recorded for this
 * thread (so the caller can finish delivering) and never counts them twice. One counter
 * update per mentor, conditional on the cap, so concurrent questions cannot exceed it.
 */
export async function mentorsToNotify(
  db: Db,
  threadId: string,
  opts: { now?: Date; weights?: MatchingWeights } = {},
): Promise<NotifyPick[]> {
  const w = opts.weights ?? WEIGHTS;
  const now = opts.now ?? new Date();
  keepStatsFresh(db);
  const thread = await loadThread(db, threadId);
  if (!thread) return [];
  // The mentor reads these reasons: they speak of the asker by name, not as "you".
  const asker = {
    ...(await askerOfThread(db, thread)),
    speakAbout: thread.authorName ?? 'the asker',
  };
  const ranked = await rankMentors(db, {
    asker,
    question: thread.question,
    limit: LOOK_AT,
    now,
    exposure: false,
    weights: w,
  });
  const fitting = ranked.filter((r) => r.fit >= w.exposure.notifyMinFit);
  if (fitting.length === 0) return [];

  const ids = fitting.map((r) => r.mentorId);
  const prefs = await db
    .selectFrom('mentor_profiles')
    .select(['user_id', 'notify_matching_questions', 'max_question_notifications_per_day'])
    .where('user_id', 'in', ids)
    .execute();
  const prefOf = new Map(prefs.map((p) => [p.user_id, p]));
  const already = new Set(
    (
      await db
        .selectFrom('question_notifications')
        .select('mentor_id')
        .where('thread_id', '=', threadId)
        .execute()
    ).map((r) => r.mentor_id),
  );

  const picks: NotifyPick[] = [];
  for (const r of fitting) {
    if (picks.length >= w.exposure.notifyPerQuestion) break;
    const pref = prefOf.get(r.mentorId);
    if (!pref?.notify_matching_questions) continue;
    const pick = { mentorId: r.mentorId, fit: r.fit, reasons: r.reasons };
    if (already.has(r.mentorId)) {
      picks.push(pick);
      continue;
    }
    const cap = Math.min(
      pref.max_question_notifications_per_day,
      w.exposure.maxQuestionNotificationsPerDay,
    );
    if (await claimNotification(db, threadId, r.mentorId, r.fit, cap, utcDay(now)))
      picks.push(pick);
  }
  return picks;
}

/** Counts one notification against today's cap and records it; false when over the cap. */
async function claimNotification(
  db: Db,
  threadId: string,
  mentorId: string,
  fit: number,
  cap: number,
  day: string,
): Promise<boolean> {
  const r = await sql<{ mentor_id: string }>`
    WITH claim AS (
      INSERT INTO mentor_exposure_daily AS e (mentor_id, day, notifications)
      SELECT ${mentorId}::uuid, ${day}::date, 1
      WHERE NOT EXISTS (
        SELECT 1 FROM question_notifications
        WHERE thread_id = ${threadId}::uuid AND mentor_id = ${mentorId}::uuid)
      ON CONFLICT (day, mentor_id) DO UPDATE SET notifications = e.notifications + 1
        WHERE e.notifications < ${cap}::int
      RETURNING e.mentor_id
    )
    INSERT INTO question_notifications (thread_id, mentor_id, fit)
    SELECT ${threadId}::uuid, mentor_id, ${fit}::real FROM claim
    ON CONFLICT DO NOTHING
    RETURNING mentor_id`.execute(db);
  return r.rows.length === 1;
}
