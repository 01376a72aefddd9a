import type { AppContext } from '../context';
import { notify } from '../notifications/service';
import { pickMentorsToNotify } from './match-source';

export interface QuestionNotifyResult {
  notified: string[];
}

/**
 * After a question is posted: tell the best-matching mentors who opted in ("a question matches
 * your switch"), at most QUESTION_NOTIFY_MENTORS, each within their own daily cap, never the
 * asker (the matching engine picks and records them). Idempotent per question: the engine
 * returns the same picks on a retry and the notification's dedupe key stops a second row.
 * Run by the `matching.question-posted` job the forum enqueues with the thread.
 */
export async function onQuestionPosted(
  ctx: Pick<AppContext, 'db' | 'config' | 'logger'>,
  threadId: string,
  opts: { now?: Date; rethrow?: boolean } = {},
): Promise<QuestionNotifyResult> {
  try {
    return await notifyMatchingMentors(ctx, threadId, opts.now ?? new Date());
  } catch (err) {
    if (opts.rethrow) throw err; // the job (server/jobs) retries it
    ctx.logger.error({ err, threadId }, 'telling mentors about a new question failed');
    return { notified: [] };
  }
}

async function notifyMatchingMentors(
  ctx: Pick<AppContext, 'db' | 'config'>,
  threadId: string,
  now: Date,
): Promise<QuestionNotifyResult> {
  const max = ctx.config.QUESTION_NOTIFY_MENTORS;
  if (max === 0) return { notified: [] };
  const { db } = ctx;
  const thread = await db
    .selectFrom('threads as t')
    .leftJoin('users as u', 'u.id', 't.author_id')
    .select(['t.title', 'u.handle', 'u.display_name'])
    .where('t.id', '=', threadId)
    .executeTakeFirst();
  if (!thread) return { notified: [] };
  // The engine never ranks the asker (findCandidates excludes them), so no filter here.
  const picks = await pickMentorsToNotify(db, threadId, max, now);
  await notify(
    db,
    picks.map((p) => ({
      userId: p.mentorId,
      kind: 'question_match',
      payload: {
        threadId,
        title: thread.title,
        asker: thread.handle ? { handle: thread.handle, displayName: thread.display_name } : null,
        reasons: p.reasons.slice(0, 3),
      },
      dedupeKey: `question:${threadId}`,
      createdAt: now,
    })),
  );
  return { notified: picks.map((p) => p.mentorId) };
}
