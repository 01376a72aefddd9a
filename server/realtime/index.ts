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
  http.on('close', () => session.store.close());

  io.on('connection', (socket) => {
    const user = (socket.request as IncomingMessage & { user?: Viewer }).user;
    socket.data.userId = user?.id ?? null;
    if (user) void socket.join(rooms.user(user.id));
  });
  return io;
}
