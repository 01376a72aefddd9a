import type { Express } from 'express';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from './context';
import { createApp, type AppOptions } from './http/app';
import { frontDoor } from './http/front-door';
import { createRealtime, type Io } from './realtime';
import { startRealtime } from './realtime/setup';

export interface RunningServer {
  http: HttpServer;
  /** The Express app behind the front door (tests walk its router to list every route). */
  app: Express;
  io: Io;
  port: number;
  url: string;
  /** Stop accepting, let in-flight requests finish (bounded), close sockets. */
  close(): Promise<void>;
}

export async function startServer(
  ctx: AppContext,
  opts: AppOptions & { port: number; host?: string },
): Promise<RunningServer> {
  const app = createApp(ctx, opts);
  const http = createHttpServer(frontDoor(ctx, app));
  // A slow client must not hold a connection forever.
  http.headersTimeout = 20_000;
  http.requestTimeout = 30_000;
  const io = createRealtime(ctx, http);
  const realtime = await startRealtime(ctx, io);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  }).catch(async (err: unknown) => {
    await realtime.close();
    throw err;
  });
  const port = (http.address() as AddressInfo).port;
  const displayHost = !opts.host || opts.host === '0.0.0.0' ? 'localhost' : opts.host;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Drain: /readyz turns 503, no new connections, idle keep-alive connections closed now and
      // busy ones after their response (Connection: close, front-door.ts); requests already
      // accepted finish within SHUTDOWN_TIMEOUT_MS. Only then does the caller close the pool.
      ctx.draining = true;
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Again and again until closed: a keep-alive connection between requests is not always
      // counted idle at the first call (one stayed open until its keep-alive timeout, 5 s).
      http.closeIdleConnections();
      const idleSweep = setInterval(() => http.closeIdleConnections(), 100);
      void httpClosed.then(() => clearInterval(idleSweep));
      // Local only: with a cluster adapter, io.emit would reach every instance's clients.
      io.local.emit('server:shutdown', { reconnectInMs: 500 });
      io.local.disconnectSockets(true);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(resolve, ctx.config.SHUTDOWN_TIMEOUT_MS, 'timeout');
      });
      const outcome = await Promise.race([httpClosed, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        ctx.logger.warn('in-flight requests did not finish in time; closing them');
        http.closeAllConnections();
        await httpClosed;
      }
      await realtime.close();
    })());

  return { http, app, io, port, url: `http://${displayHost}:${port}`, close };
}
