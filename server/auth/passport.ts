import type { Request } from 'express';
import passportLib from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { AppContext } from '../context';
import type { Device } from './device-cookie';
import { forbidden } from '../http/errors';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './password';
import { toViewer } from './presenter';
import { findUserByLogin, findViewerById, setPasswordHash } from './queries';
import type { Viewer } from './viewer';

type Authenticator = InstanceType<typeof passportLib.Passport>;
type LoginRow = Awaited<ReturnType<typeof findUserByLogin>>;
/**
 * Set by the sign-in limits (signin-limits.ts) when the request holds a device cookie: the
 * account the login names (the password check reuses the row) and, if the cookie is that
 * account's, the device.
 */
export type RequestWithLogin = Request & {
  /** The row, or its lookup still on its way (started beside the rate-limit counters). */
  signInUser?: LoginRow | null | Promise<LoginRow | null>;
  signInDevice?: Device;
};

/**
 * Checks a login + password. Unknown accounts, deleted ones and accounts without a password
 * (imported authors) cost one dummy argon2 verification, so every failure takes as long as
 * a wrong password. A suspended member with the right password gets a 403 saying until when.
 * On success a hash made with weaker parameters is upgraded.
 */
export async function checkCredentials(
  ctx: AppContext,
  login: string,
  password: string,
  preloaded?: LoginRow | null | Promise<LoginRow | null>,
): Promise<Viewer | null> {
  const user = preloaded !== undefined ? await preloaded : await findUserByLogin(ctx.db, login);
  if (!user?.password_hash) {
    await dummyVerify(password, ctx.config);
    return null;
  }
  if (!(await verifyPassword(user.password_hash, password))) return null;
  // Told only after the right password, so it reveals nothing about who has an account.
  if (user.suspended_until && user.suspended_until > new Date())
    throw forbidden(
      `Your account is suspended until ${user.suspended_until.toISOString().slice(0, 16).replace('T', ' ')} UTC` +
        (user.suspended_reason ? ` (reason: ${user.suspended_reason}).` : '.'),
    );
  if (needsRehash(user.password_hash, ctx.config)) {
    await setPasswordHash(ctx.db, user.id, await hashPassword(password, ctx.config));
    ctx.logger.info({ userId: user.id }, 'password hash upgraded to current parameters');
  }
  return toViewer(user);
}

const byCtx = new WeakMap<AppContext, Authenticator>();

/** One Passport per app (not the global singleton): tests run several apps in one process. */
export function passportFor(ctx: AppContext): Authenticator {
  let passport = byCtx.get(ctx);
  if (passport) return passport;
  passport = new passportLib.Passport();
  passport.use(
    new LocalStrategy(
      { usernameField: 'login', passwordField: 'password', passReqToCallback: true },
      (req, login, password, done) => {
        checkCredentials(ctx, login, password, (req as RequestWithLogin).signInUser).then(
          (viewer) => done(null, viewer ?? false),
          done,
        );
      },
    ),
  );
  passport.serializeUser((user: Express.User, done: (err: unknown, id?: string) => void) =>
    done(null, (user as Viewer).id),
  );
  passport.deserializeUser((id: string, done: (err: unknown, user?: Viewer | false) => void) => {
    findViewerById(ctx.db, id).then((row) => done(null, row ? toViewer(row) : false), done);
  });
  byCtx.set(ctx, passport);
  return passport;
}
