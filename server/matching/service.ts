/**
 * What other features call to get matches (the contract; see .notes-matching.md):
 * - matchesForAsker: Find a mentor, for a signed-in asker, with filters
 * - matchesForThread: the mentors panel on a question, ranked for the person who asked it
 * - mentorsToNotify (notify.ts): who hears about a new question
 * Showing a list to the asker records impressions, which the exposure re-rank reads.
 */
import type { RankedSections } from '../../shared/matching/score';
import type { AskerInput, MatchResult, QuestionInput } from '../../shared/matching/types';
import type { Db } from '../db';
import { askerFromRow } from './adapters';
import { rankMentorSections, refreshTermStatsIfStale, utcDay } from './engine';
import { recordImpressions, type MatchFilters } from './queries';

/**
 * Every entry point keeps the word statistics fresh in the background. A failed refresh is
 * simply retried an hour later; ranking meanwhile uses the previous counts.
 */
export function keepStatsFresh(db: Db): void {
  refreshTermStatsIfStale(db, () => {});
}

export async function loadAsker(db: Db, userId: string): Promise<AskerInput | null> {
  const row = await db
    .selectFrom('asker_profiles')
    .select([
      'user_id',
      'role_now',
      'role_now_family',
      'years_of_experience',
      'company_type',
      'company_size',
      'industries',
      'paths_weighed',
      'constraints',
      'goals',
      'time_zone',
      'languages',
      'focus',
    ])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? askerFromRow(row) : null;
}

/** Someone who asked without an asker profile: only the question's words can rank. */
function questionOnlyAsker(userId: string): AskerInput {
  return {
    userId,
    currentRole: '',
    roleFamily: 'other',
    yearsExperience: 0,
    companyType: null,
    companySize: null,
    industries: [],
    pathsWeighed: [],
    constraints: '',
    goals: '',
    timeZone: 'UTC',
    languages: [],
    focus: [],
    questionOnly: true,
  };
}

export interface LoadedThread {
  authorId: string | null;
  /** How others read about the asker in reasons: the first word of their display name. */
  authorName: string | null;
  question: QuestionInput;
}

export async function loadThread(db: Db, threadId: string): Promise<LoadedThread | null> {
  const t = await db
    .selectFrom('threads')
    .leftJoin('users', 'users.id', 'threads.author_id')
    .select([
      'threads.author_id',
      'threads.title',
      'threads.body_md',
      'threads.tags',
      'users.display_name',
    ])
    .where('threads.id', '=', threadId)
    .where('threads.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!t) return null;
  return {
    authorId: t.author_id,
    authorName: t.display_name ? firstName(t.display_name) : null,
    question: { title: t.title, body: t.body_md, tags: t.tags },
  };
}

/** "Maya Chen" → "Maya"; a one-word or empty name stays what it is. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] || displayName;
}

/** Whom a question's matches are ranked for: its author's profile, or the question alone. */
export async function askerOfThread(db: Db, thread: LoadedThread): Promise<AskerInput> {
  const profile = thread.authorId ? await loadAsker(db, thread.authorId) : null;
  return profile ?? questionOnlyAsker(thread.authorId ?? '00000000-0000-0000-0000-000000000000');
}

export async function matchesForAsker(
  db: Db,
  opts: {
    askerId: string;
    limit: number;
    filters?: MatchFilters;
    question?: QuestionInput | null;
    now?: Date;
    /**
     * Record every returned match as seen (default; the other mentors are the caller's to
     * show and record). Off when the caller shows only part of the list (Find a mentor pages
     * it) and records what it renders with recordShown.
     */
    record?: boolean;
  },
): Promise<RankedSections | null> {
  keepStatsFresh(db);
  const asker = await loadAsker(db, opts.askerId);
  if (!asker) return null;
  const now = opts.now ?? new Date();
  const sections = await rankMentorSections(db, {
    asker,
    question: opts.question,
    limit: opts.limit,
    filters: opts.filters,
    now,
  });
  if (opts.record !== false) await recordShown(db, asker.userId, sections.matches, now);
  return sections;
}

/**
 * Counts a card as seen: call it with the mentors whose cards are on the page the person
 * receives, never with candidates that were only scored (issue 13, principle 5). Each
 * (asker, mentor) pair counts once per UTC day.
 */
export async function recordShown(
  db: Db,
  askerId: string,
  shown: readonly { mentorId: string }[],
  now = new Date(),
): Promise<void> {
  await recordImpressions(
    db,
    askerId,
    shown.map((i) => i.mentorId),
    utcDay(now),
  );
}

/**
 * The mentors who match a question's author, ranked for them whoever is looking: only
 * matches, so fewer than `limit` when fewer match (principle 7); null when the thread does
 * not exist. Only the author's own views count as impressions.
 */
export async function matchesForThread(
  db: Db,
  opts: { threadId: string; viewerId: string | null; limit: number; now?: Date },
): Promise<{ forAsker: boolean; askerHasProfile: boolean; items: MatchResult[] } | null> {
  keepStatsFresh(db);
  const thread = await loadThread(db, opts.threadId);
  if (!thread) return null;
  const authorId = thread.authorId;
  const forAsker = authorId !== null && opts.viewerId === authorId;
  // Reasons address the asker as "you" and speak of them by name to everyone else.
  const asker = {
    ...(await askerOfThread(db, thread)),
    ...(forAsker ? {} : { speakAbout: thread.authorName ?? 'the asker' }),
  };
  const now = opts.now ?? new Date();
  const { matches: items } = await rankMentorSections(db, {
    asker,
    question: thread.question,
    limit: opts.limit,
    now,
  });
  if (forAsker)
    await recordImpressions(
      db,
      authorId,
      items.map((i) => i.mentorId),
      utcDay(now),
    );
  return { forAsker, askerHasProfile: !asker.questionOnly, items };
}
