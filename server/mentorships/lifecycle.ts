import type { z } from 'zod';
import type { endInput, MentorshipItem } from '../../shared/api/mentorships';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { notify } from '../notifications/service';
import { ownRow } from './policy';
import { presentMentorship } from './presenter';
import * as q from './queries';

/** Either side ends a mentorship, with optional feedback that only the two of them see. */
export async function endMentorship(
  ctx: AppContext,
  viewer: Viewer,
  id: string,
  input: z.output<typeof endInput>,
  now = new Date(),
): Promise<MentorshipItem> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = ownRow(await q.lockMentorship(trx, id), viewer, 'That mentorship');
    if (row.status !== 'active')
      throw new AppError('conflict', 'This mentorship has already ended.');
    await trx
      .updateTable('mentorships')
      .set({
        status: 'ended',
        ended_at: now,
        ended_by: viewer.id,
        end_feedback: input.feedback || null,
      })
      .where('id', '=', id)
      .execute();
    await q.addEvent(trx, {
      mentorId: row.mentor_id,
      requestId: row.request_id,
      mentorshipId: row.id,
      actorId: viewer.id,
      kind: 'ended',
      detail: { withFeedback: !!input.feedback },
      at: now,
    });
    await q.lockMentorProfile(trx, row.mentor_id); // same order as accept: request, then profile
    await q.syncMentorStats(trx, row.mentor_id);
    const other = row.asker_id === viewer.id ? row.mentor_id : row.asker_id;
    await notify(trx, [
      {
        userId: other,
        kind: 'mentorship_ended',
        payload: {
          mentorshipId: row.id,
          by: { handle: viewer.handle, displayName: viewer.displayName },
        },
        dedupeKey: `ended:${row.id}`,
        createdAt: now,
      },
    ]);
  });
  return presentMentorship((await q.findMentorship(ctx.db, id))!, viewer.id);
}

/** A paused mentor takes requests again, with the capacity they had before the pause. */
export async function resumeMentoring(ctx: AppContext, viewer: Viewer, now = new Date()) {
  await ctx.db.transaction().execute(async (trx) => {
    const profile = await q.lockMentorProfile(trx, viewer.id);
    if (!profile) throw new AppError('conflict', 'You have no mentor profile to resume.');
    const row = await trx
      .selectFrom('mentor_pauses')
      .selectAll()
      .where('mentor_id', '=', viewer.id)
      .where('resumed_at', 'is', null)
      .executeTakeFirst();
    if (profile.capacity > 0 && !row)
      throw new AppError('conflict', 'You are not paused: new mentorship requests can reach you.');
    if (!row)
      throw new AppError(
        'conflict',
        'You set your capacity to 0 yourself; raise it in your mentor profile to take requests again.',
      );
    const capacity = profile.capacity > 0 ? profile.capacity : Math.max(1, row.capacity_before);
    await trx
      .updateTable('mentor_profiles')
      .set({ capacity, updated_at: now })
      .where('user_id', '=', viewer.id)
      .execute();
    await trx
      .updateTable('mentor_pauses')
      .set({ resumed_at: now })
      .where('mentor_id', '=', viewer.id)
      .execute();
    await q.addEvent(trx, {
      mentorId: viewer.id,
      actorId: viewer.id,
      kind: 'resumed',
      detail: { capacity },
      at: now,
    });
  });
}
