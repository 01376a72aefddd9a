import type { Page, ThreadSummary } from '../../shared/api/threads';
import type { threadListQuery } from '../../shared/api/threads';
import type { z } from 'zod';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { AppError } from '../http/errors';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { presentThreadSummary } from './presenter';
import {
  listHot,
  listNew,
  listTop,
  listUnanswered,
  refreshHotScores,
  type ThreadListRow,
} from './queries';

export type ListQuery = z.output<typeof threadListQuery>;

const DAY = 86_400_000;
const periodMs = { day: DAY, week: 7 * DAY, month: 30 * DAY, all: 0 } as const;

function badCursor(): never {
  throw new AppError('invalid_input', 'cursor: belongs to another list; start again', 'cursor');
}

/**
 * Each cursor starts with its list's letter and pins the moment the first page was made
 * ("as of"), so later pages continue the same ordering even as time moves and scores decay.
 */
export async function listThreads(ctx: AppContext, q: ListQuery): Promise<Page<ThreadSummary>> {
  const limit = q.limit + 1;
  const now = Date.now();
  let rows: ThreadListRow[];
  let next: (last: ThreadListRow) => (string | number)[];

  switch (q.sort) {
    case 'new': {
      const c = decodeCursor(q.cursor, ['string', 'time', 'uuid']);
      if (c && c[0] !== 'n') badCursor();
      rows = await listNew(ctx.db, { limit, tag: q.tag, after: c && [c[1], c[2]] });
      next = (l) => ['n', l.created_key, l.id];
      break;
    }
    case 'hot': {
      const c = decodeCursor(q.cursor, ['string', 'ms', 'number', 'time', 'uuid']);
      if (c && c[0] !== 'h') badCursor();
      const asOf = c ? c[1] : now;
      maybeRefreshHotScores(ctx, now);
      const hot = await listHot(ctx.db, {
        limit,
        tag: q.tag,
        candidates: ctx.config.FORUM_HOT_CANDIDATES,
        floor: {
          hours: ctx.config.FORUM_HOT_NEW_HOURS,
          position: ctx.config.FORUM_HOT_NEW_POSITION,
        },
        asOf: new Date(asOf),
        after: c && [c[2], c[3], c[4]],
      });
      rows = hot;
      next = (l) => ['h', asOf, (l as (typeof hot)[number]).score, l.created_key, l.id];
      break;
    }
    case 'top': {
      const c = decodeCursor(q.cursor, ['string', 'ms', 'int', 'time', 'uuid']);
      if (c && c[0] !== 't') badCursor();
      const since = c ? c[1] : periodMs[q.period] ? now - periodMs[q.period] : 0;
      rows = await listTop(ctx.db, {
        limit,
        tag: q.tag,
        since: since ? new Date(since) : null,
        after: c && [c[2], c[3], c[4]],
      });
      next = (l) => ['t', since, l.points, l.created_key, l.id];
      break;
    }
    case 'unanswered': {
      const c = decodeCursor(q.cursor, ['string', 'ms', 'time', 'uuid']);
      if (c && c[0] !== 'u') badCursor();
      const since = c ? c[1] : now - ctx.config.FORUM_UNANSWERED_WINDOW_DAYS * DAY;
      rows = await listUnanswered(ctx.db, {
        limit,
        tag: q.tag,
        since: new Date(since),
        after: c && [c[2], c[3]],
      });
      next = (l) => ['u', since, l.created_key, l.id];
      break;
    }
  }
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentThreadSummary),
    nextCursor: rows.length > q.limit && last ? encodeCursor(next(last)) : null,
  };
}

const lastRefresh = new WeakMap<Db, number>();
const REFRESH_EVERY_MS = 60_000;

/** At most once a minute per process, in the background: never on the request's path. */
function maybeRefreshHotScores(ctx: AppContext, now: number) {
  if (now - (lastRefresh.get(ctx.db) ?? 0) < REFRESH_EVERY_MS) return;
  lastRefresh.set(ctx.db, now);
  refreshHotScores(ctx.db, ctx.config.FORUM_HOT_CANDIDATES * 2).catch((err: unknown) =>
    ctx.logger.warn({ err }, 'hot score refresh failed'),
  );
}
