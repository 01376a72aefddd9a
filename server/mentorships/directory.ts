import { sql } from 'kysely';
import type { DirectoryItem, DirectoryPage, DirectoryQuery } from '../../shared/api/mentorships';
import { normalizeTimeZone } from '../../shared/api/profiles';
import type { Viewer } from '../auth/viewer';
import type { Db } from '../db';
import { invalid, notFound } from '../http/errors';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { cardRows, presentCard, type CardRow } from './cards';
import { matchesForAsker, questionOfThread, recordShown } from './match-source';
import type { MatchResult } from '../../shared/matching/types';
import { WEIGHTS } from '../../shared/matching/weights';
import { afterKey, newestFirst, pageOf } from '../lib/paging';
import { fitOf } from './panel';

/** A ranked list is computed whole, then paged by position; this bounds the work. */
const RANKED_MAX = 500;

function filtered(db: Db, f: DirectoryQuery, tz: string | null) {
  return cardRows(db)
    .$if(!!f.path, (q) => q.where('m.path_taken', '=', f.path!))
    .$if(!!f.roleFamily, (q) => q.where('m.role_before_family', '=', f.roleFamily!))
    .$if(!!f.industry, (q) => q.where(sql<boolean>`${f.industry} = ANY(m.industries)`))
    .$if(!!f.companyType, (q) => q.where('m.company_type_before', '=', f.companyType!))
    .$if(!!f.language, (q) =>
      // Primary subtag: "pt" finds pt-BR speakers and "pt-BR" finds "pt" ones.
      q.where(
        sql<boolean>`EXISTS (SELECT 1 FROM unnest(m.languages) l WHERE lower(split_part(l, '-', 1)) = lower(split_part(${f.language}, '-', 1)))`,
      ),
    )
    .$if(!!tz, (q) =>
      q.where(
        // Clock difference in hours, the short way round the day (UTC+13 and UTC-11 are 0 h apart).
        sql<boolean>`(SELECT least(d, 24 - d) FROM (SELECT abs(extract(epoch FROM (now() AT TIME ZONE m.time_zone) - (now() AT TIME ZONE ${tz})) / 3600) AS d) x) <= ${f.within ?? 3}`,
      ),
    )
    .$if(f.hasRoom === 'true', (q) =>
      q.where(
        sql<boolean>`m.capacity > (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.user_id AND s.status = 'active')`,
      ),
    );
}

/**
 * Find a mentor: the filters, then — for a signed-in asker — the mentors who match, ranked by
 * fit with reasons, and after them, labelled apart, the other mentors (weaker fits, then those
 * the engine cannot offer, e.g. full or away for months, by activity); for everyone else by
 * recent activity, keyset-paged.
 */
export async function directoryPage(
  db: Db,
  viewer: Viewer | null,
  f: DirectoryQuery,
  now = new Date(),
): Promise<DirectoryPage> {
  let tz: string | null = null;
  if (f.tz) {
    tz = normalizeTimeZone(f.tz);
    if (!tz) throw invalid('tz', 'must be an IANA time zone such as Europe/Berlin');
  } else if (f.within !== undefined) throw invalid('tz', 'is needed with within (your time zone)');

  const asker = viewer
    ? await db
        .selectFrom('asker_profiles')
        .select('user_id')
        .where('user_id', '=', viewer.id)
        .executeTakeFirst()
    : undefined;
  if (!viewer || !asker) return byActivity(db, f, tz);

  const offset = decodeCursor(f.cursor, ['string', 'int']);
  if (offset && (offset[0] !== 'rank' || !Number.isInteger(offset[1]) || offset[1] < 0))
    throw invalid('cursor', 'is not a cursor this server gave out');
  const start = offset?.[1] ?? 0;
  const rows = await filtered(db, f, tz)
    .where('u.id', '<>', viewer.id)
    .$call((q) => newestFirst(q, 'u.last_active_at', 'u.id', { limit: RANKED_MAX }))
    .execute();
  const question = f.threadId ? await questionOfThread(db, f.threadId) : null;
  if (f.threadId && !question) throw notFound('That question');
  const sections = (await matchesForAsker(db, viewer.id, {
    limit: RANKED_MAX,
    filters: f,
    question,
    now,
  })) ?? { matches: [], others: [] };
  // The engine ranks; our own filtered list (time-zone window, room) decides who is shown.
  // Matches first, in the same order as the thread panel and /api/matches; then, as a
  // separate labelled section, everyone else: the engine's weaker fits in its order, then
  // those it could not offer (full, away for months) by activity.
  const byId = new Map(rows.map((r) => [r.id, r]));
  const take = (list: readonly MatchResult[], section: 'match' | 'other') => {
    const out: DirectoryItem[] = [];
    for (const m of list) {
      const row = byId.get(m.mentorId);
      if (!row) continue;
      out.push({ ...presentCard(row), match: fitOf(m), section, note: null });
      byId.delete(m.mentorId);
    }
    return out;
  };
  const matched = take(sections.matches, 'match');
  const weaker = take(sections.others, 'other');
  const rest = [...byId.values()].map((row): DirectoryItem => ({
    ...presentCard(row),
    match: null,
    section: 'other',
    note: noteOf(row, now),
  }));
  const ranked = [...matched, ...weaker, ...rest];
  const page = ranked.slice(start, start + f.limit);
  // Only the cards on this page count as seen (issue 13), not the 500 that were scored.
  await recordShown(
    db,
    viewer.id,
    page.filter((i) => i.match !== null).map((i) => ({ mentorId: i.id })),
    now,
  );
  return {
    ranked: true,
    matchCount: matched.length,
    items: page,
    nextCursor: start + f.limit < ranked.length ? encodeCursor(['rank', start + f.limit]) : null,
  };
}

/** Why a mentor the engine did not offer is not a match, when it is about them. */
function noteOf(row: CardRow, now: Date): DirectoryItem['note'] {
  const idleDays = (now.getTime() - new Date(row.last_active_at).getTime()) / 86_400_000;
  if (idleDays >= WEIGHTS.health.inactiveDays) return 'not active lately';
  if (row.capacity - row.active_mentees <= 0) return 'no room right now';
  return null;
}

async function byActivity(db: Db, f: DirectoryQuery, tz: string | null): Promise<DirectoryPage> {
  const rows = await filtered(db, f, tz)
    .$call((q) =>
      newestFirst(q, 'u.last_active_at', 'u.id', { limit: f.limit + 1, after: afterKey(f.cursor) }),
    )
    .execute();
  return {
    ranked: false,
    matchCount: null,
    ...pageOf(
      rows,
      f.limit,
      (r) => r.active_key,
      (r) => ({ ...presentCard(r), match: null, section: null, note: null }),
    ),
  };
}
