/**
 * Ranking, documented once.
 *
 * HOT (thread lists) — Hacker News gravity:
 *
 *     score = (points - 1) / (age_hours + 2) ^ 1.8
 *
 * `points` starts at 1 (the asker's own implicit vote, which the "- 1" cancels), so a new
 * thread scores 0 until someone else votes; the +2 keeps brand-new threads from dividing by
 * almost nothing; the 1.8 exponent ("gravity") makes a thread lose about half its score in
 * its first few hours and fall off the page within a day or two unless votes keep coming.
 * The SQL twin is the `forum_hot_score(points, created, as_of)` function (migration
 * 2026_11_25_140000); both must stay identical.
 *
 * Why it stays fast at 100,000+ threads: a thread's score only ever DECAYS with time at
 * fixed points, so the score stored in `threads.hot_score` when it was last computed (on
 * every vote, unvote and reply, and by a periodic refresh of the top of the list) is an
 * upper bound of its score now. A request reads the FORUM_HOT_CANDIDATES threads with the
 * highest stored score through an index, re-scores only those as of one moment, and sorts
 * them. Any thread outside that window has a current score ≤ its stored score ≤ the
 * window's lowest stored score, so every page whose scores are above that floor is exactly
 * the true order — no full-table sort, cost independent of the table size.
 *
 * NEW-QUESTION FLOOR (Hot only; HN's boost for new stories is the idea). A question nobody
 * has answered, younger than FORUM_HOT_NEW_HOURS, would score 0 and sink before anyone
 * saw it. It is scored instead as max(its score, floor), where the floor is the score of
 * the thread at FORUM_HOT_NEW_POSITION among all the others, so it lands around that
 * position (newest first among several). Nobody else's score changes, so every other
 * thread keeps exactly its gravity order (tests/integration/forum-hot-floor.test.ts).
 * Those questions are read beside the window from threads_unanswered_idx — a few hours'
 * worth — so the window stays exact. The first reply ends the floor, and that write
 * empties the list caches; the hours running out does not, but a cached list lives at
 * most 2 × FORUM_LIST_CACHE_SECONDS (fresh, then stale while one request rebuilds it;
 * the setting is capped at 300 s), so an expired lift is gone within seconds by default.
 * SQL only (`listHot` in server/threads/queries.ts); the score above stays the JS twin.
 *
 * TOP (sort=top over a period, and the digest's top threads in followed tags) — points,
 * then the newest, then the id: `topOrder` in server/threads/queries.ts.
 *
 * BEST (replies within a thread) — replies the asker marked "this helped me" first, then a
 * gentler gravity: (points - 1) / (age_hours + 2) ^ 0.8, so a well-voted early answer stays
 * above a brand-new one but a fresh reply with a few votes can still climb; ties go to the
 * older reply (it was there first).
 */
export const HOT_GRAVITY = 1.8;
export const BEST_GRAVITY = 0.8;

const HOUR = 3_600_000;

export function hotScore(points: number, createdAt: Date, asOf: Date): number {
  const ageHours = Math.max(asOf.getTime() - createdAt.getTime(), 0) / HOUR;
  return (points - 1) / Math.pow(ageHours + 2, HOT_GRAVITY);
}

export function bestScore(points: number, createdAt: Date, asOf: Date): number {
  const ageHours = Math.max(asOf.getTime() - createdAt.getTime(), 0) / HOUR;
  return (points - 1) / Math.pow(ageHours + 2, BEST_GRAVITY);
}

interface Rankable {
  points: number;
  createdAt: Date;
  helpful: boolean;
  /** Tie-breaker: stable and unique. */
  num: number;
}

export type ReplyOrder = 'best' | 'oldest' | 'newest';

export function replyComparator(order: ReplyOrder, asOf: Date) {
  if (order === 'oldest') return (a: Rankable, b: Rankable) => a.num - b.num;
  if (order === 'newest') return (a: Rankable, b: Rankable) => b.num - a.num;
  return (a: Rankable, b: Rankable) =>
    Number(b.helpful) - Number(a.helpful) ||
    bestScore(b.points, b.createdAt, asOf) - bestScore(a.points, a.createdAt, asOf) ||
    a.num - b.num;
}
