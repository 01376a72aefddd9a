import connectPgSimple from 'connect-pg-simple';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../context';
import { projectRoot } from '../db/connect';

declare module 'express-session' {
  interface SessionData {
    passport?: { user?: string };
    /** Set at sign-in; drives the timeouts and the "your sessions" list. */
    meta?: SessionMeta;
  }
}

export interface SessionMeta {
  /** Public id for the sessions list (the sid itself is the secret and never leaves). */
  id: string;
  createdAt: number;
  lastSeenAt: number;
  userAgent: string;
  ip: string;
}

export const SESSION_COOKIE = 'sb.sid';
const PgStore = connectPgSimple(session);

/**
 * SESSION_SECRET when set (required in production; under NODE_ENV=test server/config.ts fills
 * it in). In development a random secret is kept in DATA_DIR so a restart does not sign
 * everyone out.
 */
export function sessionSecret(ctx: AppContext): string {
  const { config } = ctx;
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const dir = path.resolve(projectRoot, config.DATA_DIR);
  const file = path.join(dir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

interface SessionParts {
  middleware: RequestHandler;
  store: session.Store & { close(): void };
}

const byCtx = new WeakMap<AppContext, SessionParts>();

/**
 * One express-session per app, shared by Express and the Socket.IO handshake. Nothing is
 * written for anonymous readers (saveUninitialized: false; nothing touches their session) and
 * a signed-in request writes at most once a minute (disableTouch + our own lastSeenAt).
 */
export function sessionParts(ctx: AppContext): SessionParts {
  let parts = byCtx.get(ctx);
  if (parts) return parts;
  const store = new PgStore({
    pool: ctx.pool,
    tableName: 'session',
    createTableIfMissing: false,
    disableTouch: true,
    pruneSessionInterval: 15 * 60,
    errorLog: (...args: unknown[]) => ctx.logger.warn({ args }, 'session store error'),
  });
  const middleware = session({
    name: SESSION_COOKIE,
    secret: sessionSecret(ctx),
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: ctx.config.TRUST_PROXY,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      // Secure whenever the request came over HTTPS (directly, or per X-Forwarded-Proto
      // when TRUST_PROXY is on); a plain-http laptop still works.
      secure: 'auto',
      path: '/',
      maxAge: ctx.config.SESSION_IDLE_SECONDS * 1000,
    },
  });
  parts = { middleware, store };
  byCtx.set(ctx, parts);
  return parts;
}

export function hasSessionCookie(req: { headers: { cookie?: string } }): boolean {
  return (req.headers.cookie ?? '')
    .split(';')
    .some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));
}

export function newSessionMeta(req: Request): SessionMeta {
  const now = Date.now();
  return {
    id: randomBytes(12).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    userAgent: String(req.headers['user-agent'] ?? '').slice(0, 200),
    ip: req.ip ?? req.socket.remoteAddress ?? '',
  };
}

/**
 * Idle and absolute timeouts for signed-in sessions. An expired one is regenerated (the old
 * row deleted, a fresh empty session that is never saved): the request goes on anonymous.
 * `touch: false` for the socket handshake, whose response cannot carry a cookie update.
 */
export function sessionTimeouts(ctx: AppContext, opts: { touch?: boolean } = {}) {
  const idleMs = ctx.config.SESSION_IDLE_SECONDS * 1000;
  const absoluteMs = ctx.config.SESSION_ABSOLUTE_SECONDS * 1000;
  const touchEvery = Math.min(60_000, idleMs / 4);
  return (req: Request, _res: Response, next: NextFunction) => {
    const s = req.session;
    if (!s?.passport?.user) return next();
    const now = Date.now();
    const meta = s.meta;
    if (!meta || now - meta.createdAt > absoluteMs || now - meta.lastSeenAt > idleMs) {
      s.regenerate((err) => next(err));
      return;
    }
    if (opts.touch !== false && now - meta.lastSeenAt >= touchEvery) meta.lastSeenAt = now;
    next();
  };
}

/**
 * Makes this request's session a signed-in one for `userId`, under a session id the client
 * has never held (no fixation), and stores it. A request that brought a session cookie gets
 * its session regenerated (the old row deleted); one without gets the fresh id
 * express-session generated for it — an unknown cookie is never adopted — so nothing needs
 * deleting. Stored once, here, before the answer is written (Passport's req.logIn would save
 * twice): left to express-session, the save at res.end splits the answer around it (all but
 * its last byte, the save, that byte), one more socket write per sign-in.
 */
export async function startSignedInSession(
  req: Request,
  userId: string,
  init: () => void,
): Promise<void> {
  if (hasSessionCookie(req))
    await new Promise<void>((resolve, reject) =>
      req.session.regenerate((err) => (err ? reject(err as Error) : resolve())),
    );
  req.session.passport = { user: userId };
  req.session.meta = newSessionMeta(req);
  init();
  await new Promise<void>((resolve, reject) =>
    req.session.save((err) => (err ? reject(err as Error) : resolve())),
  );
}
