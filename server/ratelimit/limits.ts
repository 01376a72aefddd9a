import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { PostgresStore } from './store';

const MINUTE = 60_000;

export function humanDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

export interface LimitSpec {
  /** Store key prefix; also names the limit in logs. */
  name: string;
  windowMs: number;
  limit: number;
  /** What was limited, for the message: "Too many sign-in attempts {what}." */
  what: string;
  /** A sentence after "Please try again in …." saying what else the person can do. */
  hint?: string;
  key?: (req: Request) => string | Promise<string>;
  /** Count only failed requests (status >= 400: guessing) or only successful ones (work done). */
  count?: 'all' | 'failures' | 'successes';
}

/**
 * A rate limiter backed by Postgres. Over the limit: 429 `rate_limited` with Retry-After and a
 * sentence a person can act on ("…Please try again in 12 minutes.").
 */
export function limiter(ctx: AppContext, spec: LimitSpec): RequestHandler {
  // Each limit keeps its state under its own name, so two can run on one request at once.
  const property = `rateLimit:${spec.name}`;
  return rateLimit({
    requestPropertyName: property,
    windowMs: spec.windowMs,
    limit: spec.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new PostgresStore(ctx.db, `${spec.name}:`),
    skipSuccessfulRequests: spec.count === 'failures',
    skipFailedRequests: spec.count === 'successes',
    keyGenerator: spec.key ?? ((req) => ipKeyGenerator(req.ip ?? '')),
    // Our own checks of TRUST_PROXY live in config; keep the library quiet about headers.
    validate: { xForwardedForHeader: false, trustProxy: false },
    handler: (req, _res, next) => {
      const resetTime = (req as unknown as Record<string, { resetTime?: Date } | undefined>)[
        property
      ]?.resetTime;
      next(tooMany(spec, resetTime));
    },
  });
}

/** The 429 a spent limit answers: what was limited, when to try again, what else to do. */
export function tooMany(spec: Pick<LimitSpec, 'what' | 'hint' | 'windowMs'>, resetTime?: Date) {
  const retryAfter = Math.max(
    1,
    Math.ceil(((resetTime?.getTime() ?? Date.now() + spec.windowMs) - Date.now()) / 1000),
  );
  return new AppError(
    'rate_limited',
    `Too many ${spec.what}. Please try again in ${humanDuration(retryAfter)}.` +
      (spec.hint ? ` ${spec.hint}` : ''),
    undefined,
    { retryAfter },
  );
}

export const windows = {
  signIn: 15 * MINUTE,
  signUp: 60 * MINUTE,
  reset: 60 * MINUTE,
  verifyResend: 60 * MINUTE,
};
