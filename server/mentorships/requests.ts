import type { z } from 'zod';
import type { createRequestInput, declineInput } from '../../shared/api/mentorships';
import type { RequestItem, MentorshipItem } from '../../shared/api/mentorships';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { AppError, forbidden, invalid } from '../http/errors';
import { notify } from '../notifications/service';
import { mailAbout, type Links } from './mail';
import { ownRow } from './policy';
import { presentMentorship, presentRequest } from './presenter';
import * as q from './queries';
import { isUniqueViolation } from '../db/errors';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const conflict = (message: string, field?: string) => new AppError('conflict', message, field);

/**
 * An asker asks a mentor. Checks, in order, with a message that names the problem: the mentor
 * exists, has a switch story, is not the asker, is not paused or full, is not already theirs;
 * then (under a per-asker lock) the open-request cap and duplicates.
 */
export async function createRequest(
  ctx: AppContext,
  viewer: Viewer,
  input: z.output<typeof createRequestInput>,
  links: Links,
  now = new Date(),
): Promise<RequestItem> {
  const { db, config } = ctx;
  const handle = input.mentor.replace(/^@/, '');
  const mentor = await q.findUserWithMentor(db, handle);
  if (!mentor || mentor.deleted_at)
    throw new AppError(
      'not_found',
      `mentor: nobody on Switchboard has the handle @${handle}`,
      'mentor',
    );
  if (mentor.id === viewer.id)
    throw invalid('mentor', 'you cannot request a mentorship from yourself');
  if (!mentor.mentor_user_id || mentor.capacity === null)
    throw invalid(
      'mentor',
      `@${mentor.handle} is not a mentor (they have not shared a switch story)`,
    );
  if (mentor.capacity <= 0)
    throw conflict(`mentor: @${mentor.handle} has paused new mentorship requests`, 'mentor');
  const active = await q.countActiveMentees(db, mentor.id);
  if (active >= mentor.capacity)
    throw conflict(`mentor: @${mentor.handle} has no room for another mentee right now`, 'mentor');
  if (input.threadId) {
    const thread = await db
      .selectFrom('threads')
      .select('id')
      .where('id', '=', input.threadId)
      .executeTakeFirst();
    if (!thread) throw invalid('threadId', 'is not a question on Switchboard');
  }

  const expiresAt = new Date(now.getTime() + config.MENTORSHIP_REQUEST_TTL_DAYS * DAY_MS);
  const id = await db
    .transaction()
    .execute(async (trx) => {
      await q.lockAsker(trx, viewer.id);
      const [pair] = await q.activeMentorshipsWith(trx, viewer.id, [mentor.id]);
      if (pair) throw conflict(`mentor: @${mentor.handle} is already your mentor`, 'mentor');
      const [duplicate] = await q.openRequestsTo(trx, viewer.id, [mentor.id]);
      if (duplicate)
        throw conflict(
          `mentor: you already have an open request to @${mentor.handle}; wait for an answer or withdraw it`,
          'mentor',
        );
      const open = await q.countOpenRequests(trx, viewer.id);
      if (open >= config.MENTORSHIP_MAX_OPEN_REQUESTS)
        throw conflict(
          `You already have ${open} open mentorship requests, the most you can have at once. Wait for an answer or withdraw one first.`,
        );
      const row = await trx
        .insertInto('mentorship_requests')
        .values({
          asker_id: viewer.id,
          mentor_id: mentor.id,
          thread_id: input.threadId ?? null,
          message: input.message,
          created_at: now,
          expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await q.addEvent(trx, {
        mentorId: mentor.id,
        requestId: row.id,
        actorId: viewer.id,
        kind: 'requested',
        at: now,
      });
      await notify(trx, [
        {
          userId: mentor.id,
          kind: 'mentorship_requested',
          payload: {
            requestId: row.id,
            asker: { handle: viewer.handle, displayName: viewer.displayName },
          },
          dedupeKey: `request:${row.id}`,
          createdAt: now,
        },
      ]);
      await mailAbout(trx, 'mentorship_request', row.id, links);
      return row.id;
    })
    .catch((err: unknown) => {
      // Two tabs sending at once: the partial unique index is the last word.
      if (isUniqueViolation(err, 'mentorship_requests_one_open'))
        throw conflict(`mentor: you already have an open request to @${mentor.handle}`, 'mentor');
      throw err;
    });

  return presentRequest((await q.findRequest(db, id))!, viewer.id, now);
}

async function lockOwnRequest(trx: q.Tx, viewer: Viewer, id: string) {
  return ownRow(await q.lockRequest(trx, id), viewer, 'That mentorship request');
}
type LockedRequest = Awaited<ReturnType<typeof lockOwnRequest>>;

/** The request the viewer, as its mentor, is about to answer: locked, still open, not expired. */
async function lockToAnswer(
  trx: q.Tx,
  viewer: Viewer,
  id: string,
  verb: 'accept' | 'decline',
  now: Date,
) {
  const req = await lockOwnRequest(trx, viewer, id);
  if (req.mentor_id !== viewer.id) throw forbidden(`Only the mentor can ${verb} this request.`);
  if (req.status !== 'open') throw conflict(`This request was already ${req.status}.`);
  if (req.expires_at <= now) throw conflict('This request expired before it was answered.');
  return req;
}

/** The request leaves 'open': its new status, and the event that says who closed it. */
async function closeRequest(
  trx: q.Tx,
  viewer: Viewer,
  req: LockedRequest,
  now: Date,
  close: {
    status: 'accepted' | 'declined' | 'withdrawn';
    set?: { decline_reason: string; decline_note: string | null };
    mentorshipId?: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await trx
    .updateTable('mentorship_requests')
    .set({ status: close.status, ...close.set, decided_at: now })
    .where('id', '=', req.id)
    .execute();
  await q.addEvent(trx, {
    mentorId: req.mentor_id,
    requestId: req.id,
    mentorshipId: close.mentorshipId,
    actorId: viewer.id,
    kind: close.status,
    detail: close.detail,
    at: now,
  });
}

/** The mentor answered: the delay feeds their response time, and the asker hears the answer. */
async function tellAsker(
  trx: q.Tx,
  viewer: Viewer,
  req: LockedRequest,
  now: Date,
  answer: 'accepted' | 'declined',
  payload: Record<string, unknown>,
): Promise<void> {
  await q.syncMentorStats(trx, viewer.id, (now.getTime() - req.created_at.getTime()) / HOUR_MS);
  await notify(trx, [
    {
      userId: req.asker_id,
      kind: `mentorship_${answer}`,
      payload,
      dedupeKey: `${answer}:${req.id}`,
      createdAt: now,
    },
  ]);
}

/**
 * The mentor accepts. Concurrent accepts for one mentor queue on the mentor's profile row, and
 * each counts the active mentorships after taking the lock, so capacity is never exceeded.
 */
export async function acceptRequest(
  ctx: AppContext,
  viewer: Viewer,
  id: string,
  links: Links,
  now = new Date(),
): Promise<MentorshipItem> {
  const { db } = ctx;
  const result = await db.transaction().execute(async (trx) => {
    const req = await lockToAnswer(trx, viewer, id, 'accept', now);
    const profile = await q.lockMentorProfile(trx, viewer.id);
    if (!profile)
      throw conflict('Add your switch story (mentor profile) before accepting mentees.');
    const active = await q.countActiveMentees(trx, viewer.id);
    if (active >= profile.capacity)
      throw conflict(
        profile.capacity === 0
          ? 'You have paused mentoring (capacity 0). Resume or raise your capacity first.'
          : `You have no room: ${active} of ${profile.capacity} mentee places are taken. End a mentorship or raise your capacity in your profile first.`,
      );
    const conversationId = await q.ensurePairConversation(trx, req.asker_id, req.mentor_id);
    const mentorship = await trx
      .insertInto('mentorships')
      .values({
        request_id: req.id,
        asker_id: req.asker_id,
        mentor_id: req.mentor_id,
        conversation_id: conversationId,
        started_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'mentorships_one_active'))
          throw conflict('You are already mentoring this person.');
        throw err;
      });
    await mailAbout(trx, 'mentorship_accepted', req.id, links); // commits with the acceptance
    await closeRequest(trx, viewer, req, now, {
      status: 'accepted',
      mentorshipId: mentorship.id,
      detail: { conversationId },
    });
    await tellAsker(trx, viewer, req, now, 'accepted', {
      requestId: req.id,
      mentorshipId: mentorship.id,
      mentor: { handle: viewer.handle, displayName: viewer.displayName },
    });
    return { mentorshipId: mentorship.id, askerId: req.asker_id };
  });

  return presentMentorship((await q.findMentorship(db, result.mentorshipId))!, viewer.id);
}

export async function declineRequest(
  ctx: AppContext,
  viewer: Viewer,
  id: string,
  input: z.output<typeof declineInput>,
  now = new Date(),
): Promise<RequestItem> {
  await ctx.db.transaction().execute(async (trx) => {
    const req = await lockToAnswer(trx, viewer, id, 'decline', now);
    await closeRequest(trx, viewer, req, now, {
      status: 'declined',
      set: { decline_reason: input.reason, decline_note: input.note || null },
      detail: { reason: input.reason },
    });
    await tellAsker(trx, viewer, req, now, 'declined', {
      requestId: req.id,
      mentor: { handle: viewer.handle, displayName: viewer.displayName },
      reason: input.reason,
    });
  });
  return presentRequest((await q.findRequest(ctx.db, id))!, viewer.id, now);
}

/** The asker takes a request back (frees one of their open-request places). */
export async function withdrawRequest(
  ctx: AppContext,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<RequestItem> {
  await ctx.db.transaction().execute(async (trx) => {
    const req = await lockOwnRequest(trx, viewer, id);
    if (req.asker_id !== viewer.id) throw forbidden('Only the person who asked can withdraw it.');
    if (req.status !== 'open') throw conflict(`This request was already ${req.status}.`);
    await closeRequest(trx, viewer, req, now, { status: 'withdrawn' });
  });
  return presentRequest((await q.findRequest(ctx.db, id))!, viewer.id, now);
}
