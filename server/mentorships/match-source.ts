/**
 * Where this feature gets its rankings: the matching engine's service (server/matching/service.ts,
 * its contract). The thread panel, Find a mentor and new-question notifications all go through
 * here, so a change of that contract is a change in this file only.
 */
import type { DirectoryQuery } from '../../shared/api/mentorships';
import type { RankedSections } from '../../shared/matching/score';
import type { MatchResult, QuestionInput } from '../../shared/matching/types';
import { WEIGHTS } from '../../shared/matching/weights';
import type { Db } from '../db';
import { mentorsToNotify } from '../matching/notify';
import * as matching from '../matching/service';

export { firstName } from '../matching/service';

/**
 * The mentors who match a question's author, ranked for them (whoever is looking), at most
 * `limit` and fewer when fewer match; and whether that person has an asker profile (without
 * one only the question's words rank).
 */
export async function matchesForThread(
  db: Db,
  threadId: string,
  opts: { limit: number; viewerId: string | null; now?: Date },
): Promise<{ items: MatchResult[]; askerHasProfile: boolean }> {
  const result = await matching.matchesForThread(db, { threadId, ...opts });
  return { items: result?.items ?? [], askerHasProfile: result?.askerHasProfile ?? false };
}

/** Whether this person has an asker profile (the panel offers their own matches, or the form). */
export async function hasAskerProfile(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('asker_profiles')
    .select('user_id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

/** A question's title, body and tags for ranking; null when it does not exist. */
export async function questionOfThread(db: Db, threadId: string): Promise<QuestionInput | null> {
  return (await matching.loadThread(db, threadId))?.question ?? null;
}

/**
 * Mentors for an asker (Find a mentor), for a question when given one, with the directory's
 * filters the engine can apply itself: the matches and, apart, the other mentors it could
 * offer, each ranked on its own. Null: the person has no asker profile.
 */
export function matchesForAsker(
  db: Db,
  askerId: string,
  opts: { limit: number; filters: DirectoryQuery; question?: QuestionInput | null; now?: Date },
): Promise<RankedSections | null> {
  const f = opts.filters;
  return matching.matchesForAsker(db, {
    askerId,
    limit: opts.limit,
    now: opts.now,
    question: opts.question,
    // The directory pages the list and records only the cards it renders (recordShown).
    record: false,
    filters: {
      path: f.path,
      roleFamily: f.roleFamily,
      industry: f.industry,
      companyType: f.companyType,
      language: f.language,
    },
  });
}

/** The cards on a page the asker receives count as seen (the exposure balance reads them). */
export function recordShown(
  db: Db,
  askerId: string,
  shown: readonly { mentorId: string }[],
  now?: Date,
) {
  return matching.recordShown(db, askerId, shown, now);
}

/**
 * The best-fitting opted-in mentors to tell about a new question, at most `max`, within their
 * daily caps, never the asker; the engine records each pick (idempotent per thread+mentor).
 */
export function pickMentorsToNotify(db: Db, threadId: string, max: number, now: Date) {
  return mentorsToNotify(db, threadId, {
    now,
    weights: { ...WEIGHTS, exposure: { ...WEIGHTS.exposure, notifyPerQuestion: max } },
  });
}
