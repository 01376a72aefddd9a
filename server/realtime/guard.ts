import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AckResult, ServerNotice } from '../../shared/realtime/events';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import type { IoSocket } from './types';

/**
 * Every client event goes through `handle`: its input is validated with a zod schema (a
 * clear `invalid_input` answer, never a crash), the handler's exception or rejected promise
 * is caught, logged with the socket's context and answered with an error acknowledgement.
 * Nothing a client sends can throw out of a listener and take the process down.
 */
export function handle<S extends z.ZodType, R>(
  socket: IoSocket,
  logger: Logger,
  event: string,
  schema: S | null,
  fn: (input: z.output<S>) => R | Promise<R>,
): void {
  let table = handlers.get(socket);
  if (!table) {
    // One listener per socket for all its events (socket.io's onAny), not one per event:
    // a signed-in socket registers about twenty, and each listener with its closure and
    // its slot in the emitter's table is memory held for the connection's life.
    const own = new Map<string, Handler>();
    table = own;
    handlers.set(socket, own);
    socket.onAny((name: string, ...args: unknown[]) => {
      const h = own.get(name);
      if (h) run(socket, logger, name, h, args);
    });
  }
  table.set(event, { schema, fn: fn as Handler['fn'] });
}

interface Handler {
  schema: z.ZodType | null;
  fn: (input: unknown) => unknown;
}

const handlers = new WeakMap<IoSocket, Map<string, Handler>>();

function run(socket: IoSocket, logger: Logger, event: string, h: Handler, args: unknown[]) {
  const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: AckResult) => void) : null;
  const answer = (result: AckResult) => {
    try {
      if (ack) ack(result);
      else if (!result.ok) notify(socket, { ...result.error, event } as ServerNotice);
    } catch (err) {
      logger.warn({ err, event, socketId: socket.id }, 'socket acknowledgement failed');
    }
  };
  Promise.resolve()
    .then(() => h.fn(h.schema ? parse(h.schema, args[0]) : undefined))
    .then(
      (data) => answer(data === undefined ? { ok: true } : { ok: true, data }),
      (err: unknown) => answer({ ok: false, error: toAckError(err, logger, socket, event) }),
    );
}

function toAckError(err: unknown, logger: Logger, socket: IoSocket, event: string) {
  if (err instanceof AppError) {
    if (err.status >= 500)
      logger.error({ err, event, socketId: socket.id }, 'socket handler failed');
    return { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
  }
  logger.error(
    { err, event, socketId: socket.id, userId: socket.data.userId },
    'socket handler failed',
  );
  return {
    code: 'internal' as const,
    message: `Something went wrong on our side while handling ${event}. Please try again.`,
  };
}

export function notify(socket: IoSocket, notice: ServerNotice): void {
  socket.emit('server:notice', notice);
}

/**
 * A token bucket per socket: `perTenSeconds` events, refilled evenly. An event over the
 * limit is refused (its acknowledgement says rate_limited); a socket that keeps sending
 * after that warning is disconnected. Other sockets never notice.
 */
export function rateLimit(socket: IoSocket, logger: Logger, perTenSeconds: number): void {
  const capacity = perTenSeconds;
  const refillPerMs = perTenSeconds / 10_000;
  const strikesAllowed = Math.max(5, Math.floor(capacity / 4));
  let tokens = capacity;
  let last = Date.now();
  let strikes = 0;
  socket.use((packet, next) => {
    const now = Date.now();
    tokens = Math.min(capacity, tokens + (now - last) * refillPerMs);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      if (tokens >= capacity / 2) strikes = 0;
      return next();
    }
    strikes += 1;
    const ack = packet.at(-1);
    const event = String(packet[0]);
    if (strikes > strikesAllowed) {
      logger.warn(
        { socketId: socket.id, userId: socket.data.userId },
        'socket flooding; disconnected',
      );
      notify(socket, {
        code: 'rate_limited',
        message: 'Disconnected for sending too many messages. The page reconnects in a while.',
        event,
      });
      socket.disconnect(true);
      return;
    }
    const error = {
      code: 'rate_limited',
      message: `Too many messages: at most ${perTenSeconds} per 10 seconds. Slow down or you will be disconnected.`,
    };
    if (typeof ack === 'function') (ack as (r: AckResult) => void)({ ok: false, error });
    else if (strikes === 1) notify(socket, { ...error, code: 'rate_limited', event });
  });
}
