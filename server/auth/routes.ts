import express, { Router, type NextFunction, type Request, type Response } from 'express';
import {
  resetConfirmInput,
  resetRequestInput,
  signInInput,
  signUpInput,
  tokenInput,
  type CheckEmail,
  type SessionInfo,
} from '../../shared/api/auth';
import type { AppContext } from '../context';
import { parse } from '../http/validate';
import { limiter, windows } from '../ratelimit/limits';
import { csrfTokenOf, newCsrfToken } from './csrf';
import { DEVICE_COOKIE, deviceCookieOptions, renewedDeviceCookie } from './device-cookie';
import { passportFor } from './passport';
import { presentViewer } from './presenter';
import {
  confirmPasswordReset,
  requestPasswordReset,
  resendVerification,
  signUp,
  verifyEmail,
} from './service';
import { SESSION_COOKIE, startSignedInSession } from './session';
import { signInLimits } from './signin-limits';
import { attemptOf } from '../ratelimit/failures';
import { requireViewer, viewerOf, type Viewer } from './viewer';

/**
 * Password-bearing bodies may be large enough to hold a 1 MB "password": parse them so the
 * schema can refuse it with a 400 naming the field, long before any hashing.
 */
export const passwordJson = express.json({ limit: '2mb' });
export const smallJson = express.json({ limit: '16kb' });

/** One body for every failed sign-in: unknown account, wrong password, deleted, no password. */
const badCredentials = {
  error: {
    code: 'unauthorized',
    message: 'That email or handle and password do not match an account.',
  },
} as const;

const checkEmail = (message: string): CheckEmail => ({ status: 'check_email', message });

export function sessionInfo(req: Request): SessionInfo {
  const viewer = viewerOf(req);
  return {
    viewer: viewer ? presentViewer(viewer) : null,
    // Reading the token never creates one for anonymous visitors (no session row for them).
    csrfToken: viewer ? (req.csrfToken?.() ?? csrfTokenOf(req)) : null,
  };
}

const noStore = (_req: Request, res: Response, next: NextFunction) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const passport = passportFor(ctx);
  const { config } = ctx;
  if (config.isProduction && !config.PUBLIC_URL)
    ctx.logger.warn('PUBLIC_URL is not set: links in emails will point to localhost');
  if (config.isProduction && !config.SMTP_URL)
    ctx.logger.warn('SMTP_URL is not set: emails are only stored in the caught_mail table');

  const signInLimit = signInLimits(ctx);
  const signUpPerIp = limiter(ctx, {
    name: 'signup-ip',
    windowMs: windows.signUp,
    limit: config.RATE_LIMIT_SIGNUP_PER_IP,
    what: 'sign-ups from your network',
    count: 'successes', // a form with a typo is not an attempt; each 202 costs a hash and a mail
  });
  const resetPerIp = limiter(ctx, {
    name: 'reset-ip',
    windowMs: windows.reset,
    limit: config.RATE_LIMIT_RESET_PER_IP,
    what: 'password reset requests from your network',
    count: 'successes',
  });
  const resendPerUser = limiter(ctx, {
    name: 'verify-resend',
    windowMs: windows.verifyResend,
    limit: 5,
    what: 'verification emails',
    count: 'successes',
    key: (req) => requireViewer(req).id,
  });

  router.use(['/session', '/auth'], noStore);

  router.get('/session', (req, res) => {
    res.json(sessionInfo(req));
  });

  router.post('/auth/sign-up', passwordJson, signUpPerIp, async (req, res) => {
    const input = parse(signUpInput, req.body);
    await signUp(ctx, input, req);
    res
      .status(202)
      .json(
        checkEmail(
          `We sent a message to ${input.email}. Follow the link in it to confirm your address.`,
        ),
      );
  });

  router.post(
    '/auth/sign-in',
    passwordJson,
    (req, _res, next) => {
      req.body = parse(signInInput, req.body);
      next();
    },
    signInLimit.check,
    (req, res, next) => {
      passport.authenticate('local', { session: false }, (err: unknown, user: Viewer | false) => {
        // A failure is counted before its answer leaves: the next guess already sees it.
        if (err || !user)
          return attemptOf(req)
            .failed()
            .then(() => (err ? next(err) : res.status(401).json(badCredentials)), next);
        startSignedInSession(req, user.id, () => newCsrfToken(req)).then(() => {
          req.user = user;
          // This browser now has its own failure budget for this account (a fresh one), and
          // keeps its tokens for the other accounts signed in here.
          res.cookie(
            DEVICE_COOKIE,
            renewedDeviceCookie(signInLimit.deviceKey, req, user.id),
            deviceCookieOptions(req, config.isProduction),
          );
          res.json({
            viewer: presentViewer(user),
            csrfToken: csrfTokenOf(req),
          } satisfies SessionInfo);
        }, next);
      })(req, res, next);
    },
  );

  router.post('/auth/sign-out', (req, res, next) => {
    const done = () => {
      res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
      res.status(204).end();
    };
    if (!req.session?.passport?.user) return done();
    req.session.destroy((err) => (err ? next(err) : done()));
  });

  router.post('/auth/verify-email', smallJson, async (req, res) => {
    const { token } = parse(tokenInput, req.body);
    await verifyEmail(ctx, token);
    res.json({ verified: true });
  });

  const signedIn = (req: Request, _res: Response, next: NextFunction) => {
    requireViewer(req);
    next();
  };

  router.post('/auth/verify-email/resend', signedIn, resendPerUser, async (req, res) => {
    const viewer = requireViewer(req);
    if (viewer.emailVerified)
      return res.json(checkEmail('Your email address is already confirmed.'));
    await resendVerification(ctx, viewer.id, req);
    res.status(202).json(checkEmail('We sent you a new confirmation link.'));
  });

  router.post('/auth/password-reset', smallJson, resetPerIp, async (req, res) => {
    const { email } = parse(resetRequestInput, req.body);
    // One enqueue, the same work whether or not the address has an account (the mail job
    // decides): durable, and neither the body nor the time taken says who is registered.
    await requestPasswordReset(ctx, email, req);
    res
      .status(202)
      .json(
        checkEmail(
          `If ${email} belongs to an account, a reset link is on its way. It works for 1 hour.`,
        ),
      );
  });

  router.post('/auth/password-reset/confirm', passwordJson, async (req, res) => {
    const input = parse(resetConfirmInput, req.body);
    const userId = req.session?.passport?.user;
    await confirmPasswordReset(
      ctx,
      input.token,
      input.password,
      userId ? { userId, sid: req.sessionID } : undefined,
    );
    res.json({ ok: true });
  });

  return router;
}
