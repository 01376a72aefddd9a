import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { Server } from 'socket.io';
import type { AppContext } from '../context';
import { passportFor } from '../auth/passport';
import { hasSessionCookie, sessionParts, sessionTimeouts } from '../auth/session';
import type { Viewer } from '../auth/viewer';
import { isSameOrigin } from '../http/origin';

import { rooms } from './rooms';
import type { Io } from './types';

export type { Io };
// The rest of realtime (rooms, replay, presence, typing, rate limits, adapters) is wired by
// setup.ts's own 'connection' listener, after this one.

export function createRealtime(ctx: AppContext, http: HttpServer): Io {
  const io: Io = new Server(http, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Cross-site websocket hijacking: a browser always sends Origin; refuse foreign ones.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || isSameOrigin(origin, req, ctx.config));
    },
  });

  // The same session as HTTP (socket.io's documented express-session + Passport recipe), run
  // on the handshake request only, and only when it carries a session cookie; anonymous
  // sockets are allowed for public content.
  type Middleware = (
    req: IncomingMessage,
    res: ServerResponse,
    next: (err?: unknown) => void,
  ) => void;
  const onlyForHandshake =
    (middleware: unknown): Middleware =>
    (req, res, next) => {
      const isHandshake =
        (req as IncomingMessage & { _query: { sid?: string } })._query.sid === undefined;
      if (isHandshake && hasSessionCookie(req)) (middleware as Middleware)(req, res, next);
      else next();
    };
  const passport = passportFor(ctx);
  const session = sessionParts(ctx);
  io.engine.use(onlyForHandshake(session.middleware));
  io.engine.use(onlyForHandshake(sessionTimeouts(ctx, { touch: false })));
  io.engine.use(onlyForHandshake(passport.initialize()));
  io.engine.use(onlyForHandshake(passport.session()));
  io.engine.use(forgetHandshakeResponse);
  http.on('close', () => session.store.close());

  io.on('connection', (socket) => {
    const user = (socket.request as IncomingMessage & { user?: Viewer }).user;
    socket.data.userId = user?.id ?? null;
    if (user) void socket.join(rooms.user(user.id));
  });
  return io;
}

/**
 * engine.io keeps the handshake's stand-in response for the connection's life (its socket's
 * 'close' listener), and with it what the middlewares hung on it: express-session's wrapped
 * writeHead/end, whose closures hold the whole session middleware call and the request —
 * about half of what a signed-in socket retained (bench/chat.bench.ts, heap snapshots). Once
 * engine.io has called writeHead (right before the upgrade; express-session waits for it),
 * nothing needs them: drop the wrappers (the prototype's own methods come back) and the
 * request (engine.io reads the response headers from the request itself, not from here).
 */
function forgetHandshakeResponse(
  _req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
): void {
  const own = res as unknown as Record<string, unknown>;
  const writeHead = own.writeHead as ((...args: unknown[]) => unknown) | undefined;
  if (typeof writeHead === 'function' && Object.hasOwn(own, 'writeHead'))
    own.writeHead = function (this: unknown, ...args: unknown[]) {
      const out = writeHead.apply(this, args);
      for (const key of ['writeHead', 'end', 'write']) if (Object.hasOwn(own, key)) delete own[key];
      own.req = null;
      return out;
    };
  next();
}
