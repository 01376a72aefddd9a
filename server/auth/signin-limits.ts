import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { AppContext } from '../context';
import { failureLimits, type FailureBudget } from '../ratelimit/failures';
import { windows } from '../ratelimit/limits';
import { deviceKey, devicesOf, type DeviceKey } from './device-cookie';
import type { RequestWithLogin } from './passport';
import { findUserByLoginWithCounters, normaliseLogin } from './queries';
import { sessionSecret } from './session';

export interface SignInLimits {
  /** Runs after the body is parsed; picks the budget and answers 429 when it is spent. */
  check: RequestHandler;
  /** Signs the device cookie a successful sign-in gets. */
  deviceKey: DeviceKey;
}

const loginOf = (req: Request) => normaliseLogin((req.body as { login: string }).login);

/**
 * Failed sign-ins are counted in one of two ways, all in Postgres (shared by every instance):
 *
 * - From a browser holding a valid device cookie for the account the login names: per device,
 *   and nothing else. Strangers' failures against the login do not touch this budget, so they
 *   cannot lock the member out (not even from a shared network), and a copied cookie still gets
 *   only RATE_LIMIT_SIGNIN_PER_DEVICE guesses per window.
 * - From anywhere else: per client IP and per login *as typed* (normalised, never resolved), so
 *   an account's handle and email have separate counters and a 429 for one says nothing about
 *   the other. Whether the login belongs to anyone plays no part in the answer or its timing.
 *
 * Only the first path looks the account up before the password check (to see that the cookie
 * names it), and a stranger cannot take it: it needs a cookie signed for that very account.
 */
export function signInLimits(ctx: AppContext): SignInLimits {
  const { config } = ctx;
  const key = deviceKey(sessionSecret(ctx));
  const perIp: FailureBudget = {
    name: 'signin-ip',
    windowMs: windows.signIn,
    limit: config.RATE_LIMIT_SIGNIN_PER_IP,
    what: 'failed sign-in attempts from your network',
    hint: 'If you have signed in to your account from this browser before, that still works.',
    key: (req) => ipKeyGenerator(req.ip ?? ''),
  };
  const perLogin: FailureBudget = {
    name: 'signin-login',
    windowMs: windows.signIn,
    limit: config.RATE_LIMIT_SIGNIN_PER_LOGIN,
    what: 'failed sign-in attempts for this email or handle',
    hint:
      'If it is yours, sign in from a browser you have signed in with before, ' +
      'or use "Forgot your password?" to set a new one.',
    key: (req) => `login:${loginOf(req)}`,
  };
  const perDevice: FailureBudget = {
    name: 'signin-device',
    windowMs: windows.signIn,
    limit: config.RATE_LIMIT_SIGNIN_PER_DEVICE,
    what: 'failed sign-in attempts from this browser',
    hint: 'If you have forgotten your password, use "Forgot your password?" to set a new one.',
    key: (req) => {
      const device = (req as RequestWithLogin).signInDevice!;
      return `${device.userId}:${device.nonce}`;
    },
  };

  // Both counters in one query. A refusal from either wins (a failure counts in both: a
  // blocked network's guesses still count against the login they aim at).
  const limits = failureLimits(ctx);
  const shared = [perIp, perLogin];
  const trusted = limits.limit(perDevice);

  const check: RequestHandler = (req, res, next) => {
    const devices = devicesOf(key, req);
    const keys = limits.keysOf(req, shared);
    const read = limits.startRead();
    // The account and the shared counters in one query: every path needs the row (the
    // password check reuses it), and the same work for every login means no timing tells.
    findUserByLoginWithCounters(ctx.db, loginOf(req), keys).then(
      ({ user, counters }) => {
        const r = req as RequestWithLogin;
        r.signInUser = user ?? null;
        const device = user && devices.find((d) => d.userId === user.id);
        if (!device) return next(limits.admit(read, req, res, shared, keys, counters));
        limits.endRead(read);
        r.signInDevice = device;
        return trusted(req, res, next);
      },
      (err: unknown) => {
        limits.endRead(read);
        next(err);
      },
    );
  };

  return { check, deviceKey: key };
}
