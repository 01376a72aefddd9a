import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from '../../shared/realtime/events';
import type { AppContext } from '../context';
import { isSameOrigin } from '../http/origin';

export type Io = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
  feed: 'feed',
  thread: (id: string) => `thread:${id}`,
  user: (id: string) => `user:${id}`,
};

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

  io.on('connection', (socket) => {
    socket.data.userId = null;
    socket.on('feed:join', (ack) => {
      void socket.join(rooms.feed);
      if (typeof ack === 'function') ack({ ok: true });
    });
  });
  return io;
}
