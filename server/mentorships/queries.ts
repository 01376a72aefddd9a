import { sql, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Db } from '../db';
import type { DB } from '../db/types';
import { recordMentorResponse } from '../matching/seats';
import { microKey, newestFirst } from '../lib/paging';

export type Tx = Transaction<DB>;

export function findUserWithMentor(db: Db, handle: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('mentor_profiles as m', 'm.user_id', 'u.id')
    .select([
      'u.id',
      'u.handle',
      'u.display_name',
      'u.deleted_at',
      'm.user_id as mentor_user_id',
      'm.capacity',
    ])
    .where(sql`lower(u.handle)`, '=', handle.toLowerCase())
    .executeTakeFirst();
}

async function countOf<TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>) {
  const row = await qb.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export function countActiveMentees(db: Db, mentorId: string): Promise<number> {
  return countOf(
    db.selectFrom('mentorships').where('mentor_id', '=', mentorId).where('status', '=', 'active'),
  );
}

export function countOpenRequests(db: Db, askerId: string): Promise<number> {
  return countOf(
    db
      .selectFrom('mentorship_requests')
      .where('asker_id', '=', askerId)
      .where('status', '=', 'open'),
  );
}

/** The asker's open requests to these mentors (one at most per mentor). */
export function openRequestsTo(db: Db, askerId: string, mentorIds: string[]) {
  return db
    .selectFrom('mentorship_requests')
    .select(['id', 'mentor_id'])
    .where('asker_id', '=', askerId)
    .where('status', '=', 'open')
    .where('mentor_id', 'in', mentorIds)
    .execute();
}

/** The asker's active mentorships with these mentors (one at most per mentor). */
export function activeMentorshipsWith(db: Db, askerId: string, mentorIds: string[]) {
  return db
    .selectFrom('mentorships')
    .select(['id', 'mentor_id'])
    .where('asker_id', '=', askerId)
    .where('status', '=', 'active')
    .where('mentor_id', 'in', mentorIds)
    .execute();
}

/** Serialises one asker's request creation (the open-request cap) without locking users. */
export async function lockAsker(trx: Tx, askerId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(724100, hashtext(${askerId}))`.execute(trx);
}

/** The request row, locked for a state change. */
export function lockRequest(trx: Tx, id: string) {
  return trx
    .selectFrom('mentorship_requests')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The mentorship row, locked for ending it. */
export function lockMentorship(trx: Tx, id: string) {
  return trx
    .selectFrom('mentorships')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The mentor's profile row, locked: concurrent accepts for one mentor run one at a time. */
export function lockMentorProfile(trx: Tx, mentorId: string) {
  return trx
    .selectFrom('mentor_profiles')
    .select(['user_id', 'capacity'])
    .where('user_id', '=', mentorId)
    .forUpdate()
    .executeTakeFirst();
}

export async function addEvent(
  db: Db,
  e: {
    mentorId: string;
    requestId?: string | null;
    mentorshipId?: string | null;
    actorId: string | null;
    kind: string;
    detail?: Record<string, unknown>;
    at?: Date;
  },
): Promise<void> {
  await db
    .insertInto('mentorship_events')
    .values({
      mentor_id: e.mentorId,
      request_id: e.requestId ?? null,
      mentorship_id: e.mentorshipId ?? null,
      actor_id: e.actorId,
      kind: e.kind,
      detail: JSON.stringify(e.detail ?? {}),
      ...(e.at ? { created_at: e.at } : {}),
    })
    .execute();
}

/** The pair's one conversation, created on first acceptance and reused after. */
export async function ensurePairConversation(trx: Tx, a: string, b: string): Promise<string> {
  const pairKey = a < b ? `${a}:${b}` : `${b}:${a}`;
  const created = await trx
    .insertInto('conversations')
    .values({ kind: 'mentorship', pair_key: pairKey })
    .onConflict((oc) => oc.column('pair_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) {
    await trx
      .insertInto('conversation_participants')
      .values([
        { conversation_id: created.id, user_id: a },
        { conversation_id: created.id, user_id: b },
      ])
      .execute();
    return created.id;
  }
  const existing = await trx
    .selectFrom('conversations')
    .select('id')
    .where('pair_key', '=', pairKey)
    .executeTakeFirstOrThrow();
  return existing.id;
}

/**
 * Keeps matching's seat ledger (mentor_match_stats.active_mentees) in step: recounted from
 * the mentorships while the mentor's profile row is locked, so it is exact, not incremented.
 * A decision on a request feeds the mentor's response time (matching's own formula).
 */
export async function syncMentorStats(
  trx: Tx,
  mentorId: string,
  responseHours?: number,
): Promise<void> {
  const active = await countActiveMentees(trx, mentorId);
  await sql`
    INSERT INTO mentor_match_stats AS s (mentor_id, active_mentees, updated_at)
    VALUES (${mentorId}, ${active}, now())
    ON CONFLICT (mentor_id) DO UPDATE SET active_mentees = EXCLUDED.active_mentees, updated_at = now()`.execute(
    trx,
  );
  if (responseHours !== undefined) await recordMentorResponse(trx, mentorId, responseHours);
}

// ---- reading, for presenters ------------------------------------------------------------

/** Both people's names, from the joins on users as `a` (the asker) and `m` (the mentor). */
const pairNames = [
  'a.handle as asker_handle',
  'a.display_name as asker_name',
  'm.handle as mentor_handle',
  'm.display_name as mentor_name',
] as const;

export function requestRows(db: Db) {
  return db
    .selectFrom('mentorship_requests as r')
    .innerJoin('users as a', 'a.id', 'r.asker_id')
    .innerJoin('users as m', 'm.id', 'r.mentor_id')
    .leftJoin('threads as t', 't.id', 'r.thread_id')
    .leftJoin('mentorships as ms', 'ms.request_id', 'r.id')
    .select([
      'r.id',
      'r.asker_id',
      'r.mentor_id',
      'r.message',
      'r.status',
      'r.decline_reason',
      'r.decline_note',
      'r.created_at',
      'r.expires_at',
      'r.decided_at',
      'r.thread_id',
      't.title as thread_title',
      'ms.id as mentorship_id',
      ...pairNames,
      microKey('r.created_at').as('sort_key'),
    ]);
}
export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestRows>['execute']>>[number];

export function findRequest(db: Db, id: string) {
  return requestRows(db).where('r.id', '=', id).executeTakeFirst();
}

export function listRequests(
  db: Db,
  opts: {
    userId: string;
    box: 'sent' | 'received';
    status?: 'open';
    limit: number;
    after?: readonly [string, string];
  },
) {
  return requestRows(db)
    .where(opts.box === 'sent' ? 'r.asker_id' : 'r.mentor_id', '=', opts.userId)
    .$if(!!opts.status, (q) => q.where('r.status', '=', opts.status!))
    .$call((q) => newestFirst(q, 'r.created_at', 'r.id', opts))
    .execute();
}

export function requestEvents(db: Db, requestId: string, mentorshipId: string | null) {
  return db
    .selectFrom('mentorship_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.kind',
      'e.detail',
      'e.created_at',
      'e.actor_id',
      'u.handle as actor_handle',
      'u.display_name as actor_name',
    ])
    .where((eb) =>
      mentorshipId
        ? eb.or([eb('e.request_id', '=', requestId), eb('e.mentorship_id', '=', mentorshipId)])
        : eb('e.request_id', '=', requestId),
    )
    .orderBy('e.id')
    .execute();
}
export type EventRow = Awaited<ReturnType<typeof requestEvents>>[number];

export function mentorshipRows(db: Db) {
  return db
    .selectFrom('mentorships as s')
    .innerJoin('users as a', 'a.id', 's.asker_id')
    .innerJoin('users as m', 'm.id', 's.mentor_id')
    .leftJoin('users as e', 'e.id', 's.ended_by')
    .select([
      's.id',
      's.request_id',
      's.asker_id',
      's.mentor_id',
      's.status',
      's.conversation_id',
      's.started_at',
      's.ended_at',
      's.ended_by',
      's.end_feedback',
      ...pairNames,
      'e.handle as ended_by_handle',
      'e.display_name as ended_by_name',
      microKey('s.started_at').as('sort_key'),
    ]);
}
export type MentorshipRow = Awaited<
  ReturnType<ReturnType<typeof mentorshipRows>['execute']>
>[number];

export function listMentorships(
  db: Db,
  opts: {
    userId: string;
    status: 'active' | 'ended';
    limit: number;
    after?: readonly [string, string];
  },
) {
  return mentorshipRows(db)
    .where((eb) => eb.or([eb('s.asker_id', '=', opts.userId), eb('s.mentor_id', '=', opts.userId)]))
    .where('s.status', '=', opts.status)
    .$call((q) => newestFirst(q, 's.started_at', 's.id', opts))
    .execute();
}

export function findMentorship(db: Db, id: string) {
  return mentorshipRows(db).where('s.id', '=', id).executeTakeFirst();
}

export function mentorState(db: Db, mentorId: string) {
  return db
    .selectFrom('mentor_profiles as m')
    .leftJoin('mentor_pauses as p', 'p.mentor_id', 'm.user_id')
    .select([
      'm.capacity',
      'p.reason as pause_reason',
      'p.paused_at',
      'p.resumed_at',
      'p.capacity_before',
    ])
    .where('m.user_id', '=', mentorId)
    .executeTakeFirst();
}

export function userEmail(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['email', 'email_verified_at', 'display_name', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
