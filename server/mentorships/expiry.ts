import { sql } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../db';
import { notify } from '../notifications/service';
import * as q from './queries';

const BATCH = 200;

export interface ExpiryResult {
  expired: number;
  paused: string[];
}

/**
 * Expires every open request whose time is up at `now`, tells each asker, and pauses a mentor
 * whose latest MENTORSHIP_AUTO_PAUSE_EXPIRED requests all expired. Time is a parameter so tests
 * (and a catch-up after downtime) drive it without waiting. Safe on several instances at once:
 * rows are claimed with SKIP LOCKED, and each batch commits on its own.
 */
export async function expireDueRequests(
  db: Db,
  config: Pick<Config, 'MENTORSHIP_AUTO_PAUSE_EXPIRED'>,
  now = new Date(),
): Promise<ExpiryResult> {
  const result: ExpiryResult = { expired: 0, paused: [] };
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .updateTable('mentorship_requests as r')
        .set({ status: 'expired', decided_at: now })
        .where(
          'r.id',
          'in',
          trx
            .selectFrom('mentorship_requests')
            .select('id')
            .where('status', '=', 'open')
            .where('expires_at', '<=', now)
            .orderBy('expires_at')
            .limit(BATCH)
            .forUpdate()
            .skipLocked(),
        )
        .returning(['r.id', 'r.asker_id', 'r.mentor_id'])
        .execute();
      if (rows.length === 0) return { count: 0, paused: [] as string[] };

      const mentors = await trx
        .selectFrom('users')
        .select(['id', 'handle', 'display_name'])
        .where(
          'id',
          'in',
          rows.map((r) => r.mentor_id),
        )
        .execute();
      const byId = new Map(mentors.map((m) => [m.id, m]));
      for (const r of rows)
        await q.addEvent(trx, {
          mentorId: r.mentor_id,
          requestId: r.id,
          actorId: null,
          kind: 'expired',
          at: now,
        });
      await notify(
        trx,
        rows.map((r) => {
          const m = byId.get(r.mentor_id);
          return {
            userId: r.asker_id,
            kind: 'mentorship_expired',
            payload: {
              requestId: r.id,
              mentor: { handle: m?.handle ?? '', displayName: m?.display_name ?? 'The mentor' },
            },
            dedupeKey: `expired:${r.id}`,
            createdAt: now,
          };
        }),
      );
      const paused: string[] = [];
      for (const mentorId of new Set(rows.map((r) => r.mentor_id)))
        if (await pauseIfIgnoring(trx, mentorId, config.MENTORSHIP_AUTO_PAUSE_EXPIRED, now))
          paused.push(mentorId);
      return { count: rows.length, paused };
    });
    result.expired += batch.count;
    result.paused.push(...batch.paused);
    if (batch.count < BATCH) return result;
  }
}

/**
 * A mentor whose `streak` latest requests (since they last resumed) all expired is paused:
 * capacity 0, the old capacity kept in mentor_pauses, and a notification saying how to resume.
 */
async function pauseIfIgnoring(trx: q.Tx, mentorId: string, streak: number, now: Date) {
  const profile = await q.lockMentorProfile(trx, mentorId);
  if (!profile || profile.capacity === 0) return false;
  const pause = await trx
    .selectFrom('mentor_pauses')
    .select(['paused_at', 'resumed_at'])
    .where('mentor_id', '=', mentorId)
    .executeTakeFirst();
  const since = pause ? (pause.resumed_at ?? pause.paused_at) : null;
  const latest = await trx
    .selectFrom('mentorship_requests')
    .select('status')
    .where('mentor_id', '=', mentorId)
    .$if(!!since, (qb) => qb.where('created_at', '>', since!))
    .orderBy('created_at', 'desc')
    .limit(streak)
    .execute();
  if (latest.length < streak || latest.some((r) => r.status !== 'expired')) return false;

  await trx
    .insertInto('mentor_pauses')
    .values({
      mentor_id: mentorId,
      reason: 'expired_requests',
      capacity_before: profile.capacity,
      paused_at: now,
      resumed_at: null,
    })
    .onConflict((oc) =>
      oc.column('mentor_id').doUpdateSet({
        reason: 'expired_requests',
        capacity_before: profile.capacity,
        paused_at: now,
        resumed_at: null,
      }),
    )
    .execute();
  await trx
    .updateTable('mentor_profiles')
    .set({ capacity: 0, updated_at: sql`now()` })
    .where('user_id', '=', mentorId)
    .execute();
  await q.addEvent(trx, {
    mentorId,
    actorId: null,
    kind: 'paused',
    detail: { reason: 'expired_requests', expiredCount: streak, capacityBefore: profile.capacity },
    at: now,
  });
  await notify(trx, [
    {
      userId: mentorId,
      kind: 'mentor_paused',
      payload: { reason: 'expired_requests', expiredCount: streak },
      dedupeKey: `paused:${mentorId}:${now.toISOString()}`,
      createdAt: now,
    },
  ]);
  return true;
}
