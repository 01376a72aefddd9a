import type { Request, RequestHandler, Response } from 'express';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { AppError } from '../http/errors';
import { tooMany } from './limits';
import { storeKey } from './store';

/** A budget of failed attempts (sign-in guesses) per key and window, kept in rate_limits. */
export interface FailureBudget {
  name: string;
  windowMs: number;
  limit: number;
  what: string;
  hint?: string;
  key: (req: Request) => string;
}

/** A budget's counter row as read (reset_at a string when it came through JSON). */
export interface Counter {
  key: string;
  hits: number;
  reset_at: Date | string;
}

/** What the route tells the attempt once it knows how it went. */
export interface Attempt {
  /** Counts the failure in every budget checked. Await it before answering. */
  failed(): Promise<void>;
}

const attempts = new WeakMap<Request, Attempt>();

/** The attempt a `failureLimits` check admitted for this request. */
export function attemptOf(req: Request): Attempt {
  const attempt = attempts.get(req);
  if (!attempt) throw new Error('no failure-limited attempt on this request');
  return attempt;
}

/**
 * Limits on failed attempts that cost nothing when the attempt succeeds. express-rate-limit
 * counts every request up front and takes the count back after a success — two writes per
 * budget for every member who types the right password. Here the check only reads the
 * counters (one query for all budgets), and the route counts a failure (one statement for all
 * budgets) before its answer leaves, so the next attempt already sees it.
 *
 * Attempts still running on this instance count as failures while they run, so a burst of
 * parallel guesses cannot all pass a check made before any of them failed. Across instances a
 * burst can pass by at most one attempt per instance in flight at the same moment.
 */
export function failureLimits(ctx: AppContext) {
  const inFlight = new Map<string, number>();
  const hold = (keys: string[], by: 1 | -1) => {
    for (const k of keys) {
      const n = (inFlight.get(k) ?? 0) + by;
      if (n > 0) inFlight.set(k, n);
      else inFlight.delete(k);
    }
  };

  // A failure leaves the in-flight count only once every counter read that began before its
  // write committed has decided: such a read cannot see the write, and must see the attempt.
  const reading = new Set<number>();
  let nextRead = 0;
  let deferred: { mark: number; release: () => void }[] = [];
  const startRead = () => {
    reading.add(nextRead);
    return nextRead++;
  };
  const endRead = (id: number) => {
    reading.delete(id);
    const oldest = Math.min(...reading);
    const due = deferred.filter((d) => oldest >= d.mark);
    deferred = deferred.filter((d) => oldest < d.mark);
    for (const d of due) d.release();
  };
  const afterEarlierReads = (release: () => void) => {
    const mark = nextRead;
    if (Math.min(...reading) >= mark) release();
    else deferred.push({ mark, release });
  };

  const keysOf = (req: Request, budgets: FailureBudget[]) =>
    budgets.map((b) => storeKey(`${b.name}:`, b.key(req)));

  /** Decides on counters already read: the 429 to answer, or nothing (the attempt runs). */
  const admit = (
    read: number,
    req: Request,
    res: Response,
    budgets: FailureBudget[],
    keys: string[],
    rows: readonly Counter[],
  ): AppError | undefined => {
    try {
      return decide(req, res, budgets, keys, rows);
    } finally {
      endRead(read);
    }
  };

  const decide = (
    req: Request,
    res: Response,
    budgets: FailureBudget[],
    keys: string[],
    rows: readonly Counter[],
  ): AppError | undefined => {
    for (const [i, budget] of budgets.entries()) {
      const row = rows.find((r) => r.key === keys[i]);
      const hits = (row?.hits ?? 0) + (inFlight.get(keys[i]!) ?? 0);
      if (hits >= budget.limit) return tooMany(budget, row && new Date(row.reset_at));
    }
    hold(keys, 1);
    let released = false;
    const release = () => {
      if (!released) hold(keys, -1);
      released = true;
    };
    let failed = false;
    res.once('close', () => {
      if (!failed) release(); // a failure is released by afterEarlierReads
    });
    attempts.set(req, {
      failed: async () => {
        failed = true;
        try {
          await countFailures(ctx, budgets, keys);
        } finally {
          afterEarlierReads(release);
        }
      },
    });
    return undefined;
  };

  const limit =
    (...budgets: FailureBudget[]): RequestHandler =>
    (req, res, next) => {
      const keys = keysOf(req, budgets);
      const read = startRead();
      sql<Counter>`
        SELECT key, hits, reset_at FROM rate_limits
        WHERE key = ANY(${keys}::text[]) AND reset_at > now()`
        .execute(ctx.db)
        .then(
          ({ rows }) => next(admit(read, req, res, budgets, keys, rows)),
          (err: unknown) => {
            endRead(read);
            next(err);
          },
        );
    };

  /** Around a counter read made elsewhere (with other data): startRead, then admit or endRead. */
  return { limit, keysOf, startRead, admit, endRead };
}

/** One statement for every budget: a new window, or one more failure in the current one. */
async function countFailures(ctx: AppContext, budgets: FailureBudget[], keys: string[]) {
  const rows = budgets.map(
    (b, i) => sql`(${keys[i]}, 1, now() + ${b.windowMs} * interval '1 millisecond')`,
  );
  await sql`
    INSERT INTO rate_limits (key, hits, reset_at) VALUES ${sql.join(rows)}
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
      reset_at = CASE WHEN rate_limits.reset_at <= now() THEN excluded.reset_at
                      ELSE rate_limits.reset_at END`.execute(ctx.db);
}
