import type { PanelMatch, ThreadMentorPanel } from '../../shared/api/mentorships';
import { pathForTag } from '../../shared/api/paths';
import { pathLabel } from '../../shared/taxonomy';
import type { MatchResult } from '../../shared/matching/types';
import type { Viewer } from '../auth/viewer';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { cardRows, presentCard } from './cards';
import { firstName, hasAskerProfile, matchesForThread } from './match-source';
import { activeMentorshipsWith, countOpenRequests, openRequestsTo } from './queries';

const PANEL_SIZE = 3;

const fitOf = (m: MatchResult) => ({
  score: m.score,
  fit: m.fit,
  reasons: m.reasons,
  factors: m.factors,
  overlapHours: m.overlapHours,
});

/**
 * "PMs who made this switch" on a question: the top matches for the person who asked, with
 * reasons — only mentors who match, so fewer than PANEL_SIZE when fewer do (the panel says
 * so and links to Find a mentor ranked for the question, where the others are listed
 * apart). Anyone may look (others see them as mentors who might answer); only the asker
 * gets request buttons and their own request state per mentor.
 */
export async function threadPanel(
  ctx: AppContext,
  threadId: string,
  viewer: Viewer | null,
  now = new Date(),
): Promise<ThreadMentorPanel> {
  const { db, config } = ctx;
  const thread = await db
    .selectFrom('threads')
    .leftJoin('users', 'users.id', 'threads.author_id')
    .select(['threads.id', 'threads.author_id', 'threads.tags', 'users.display_name'])
    .where('threads.id', '=', threadId)
    .executeTakeFirst();
  if (!thread) throw notFound('That question');
  const { items, askerHasProfile } = await matchesForThread(db, threadId, {
    limit: PANEL_SIZE,
    viewerId: viewer?.id ?? null,
    now,
  });
  const viewerIsAsker = !!viewer && viewer.id === thread.author_id;
  const ids = items.map((m) => m.mentorId);
  const [cards, mine, open, viewerHasProfile] = await Promise.all([
    ids.length ? cardRows(db).where('u.id', 'in', ids).execute() : Promise.resolve([]),
    viewer && ids.length ? mineWith(ctx, viewer.id, ids) : Promise.resolve(new Map()),
    viewerIsAsker ? countOpenRequests(db, viewer.id) : Promise.resolve(0),
    // Someone else's question: a signed-in reader is offered their own matches (or the form).
    viewer && !viewerIsAsker ? hasAskerProfile(db, viewer.id) : Promise.resolve(askerHasProfile),
  ]);
  const cardOf = new Map(cards.map((c) => [c.id, c]));
  const list: PanelMatch[] = [];
  for (const m of items) {
    const card = cardOf.get(m.mentorId);
    if (!card) continue;
    list.push({
      ...presentCard(card),
      match: fitOf(m),
      mine: mine.get(m.mentorId) ?? { requestId: null, mentorshipId: null },
    });
  }
  return {
    threadId,
    viewerIsAsker,
    askerHasProfile,
    askerName: thread.display_name ? firstName(thread.display_name) : null,
    viewerHasAskerProfile: viewer ? viewerHasProfile : null,
    canRequest: viewerIsAsker && open < config.MENTORSHIP_MAX_OPEN_REQUESTS,
    openRequests: open,
    maxOpenRequests: config.MENTORSHIP_MAX_OPEN_REQUESTS,
    items: list,
    limit: PANEL_SIZE,
    paths: [...new Set(thread.tags.map(pathForTag).filter((p) => p !== null))].map((id) => ({
      id,
      label: pathLabel(id),
    })),
  };
}

/** The viewer's open request / active mentorship with each of these mentors. */
async function mineWith(ctx: AppContext, viewerId: string, mentorIds: string[]) {
  const [requests, pairs] = await Promise.all([
    openRequestsTo(ctx.db, viewerId, mentorIds),
    activeMentorshipsWith(ctx.db, viewerId, mentorIds),
  ]);
  const out = new Map<string, { requestId: string | null; mentorshipId: string | null }>();
  for (const id of mentorIds) {
    const r = requests.find((x) => x.mentor_id === id);
    const p = pairs.find((x) => x.mentor_id === id);
    if (r || p) out.set(id, { requestId: r?.id ?? null, mentorshipId: p?.id ?? null });
  }
  return out;
}

export { fitOf };
