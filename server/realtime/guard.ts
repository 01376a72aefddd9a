import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AckResult, ServerNotice } from '../../shared/realtime/events';
import { AppError } from '../http/errors';
import { parse } from '../http/validate';
import type { Io, IoSocket } from './types';

/**
 * What one connection keeps between its events, in one plain object on the socket: the rate
 * limit's bucket and the rooms it joined through events. The handlers themselves are shared
 * by every socket (SocketEvents below), so a connection holds no closures of its own —
 * memory held for the connection's whole life (bench/chat.bench.ts). Not socket.data, which
 * the cluster adapter copies to other instances (fetchSockets).
 */
export interface SocketState {
  tokens: number;
  last: number;
  strikes: number;
  /** Threads followed (connection.ts), made on the first join. */
  threads: Map<string, { canType: boolean; lastTyping: number }> | null;
  /** Joins and leaves of threads, one after another (connection.ts). */
  queue: Promise<unknown> | null;
  /** Conversations open (server/chat/socket.ts), made on the first join. */
  chats: Map<string, { lastTyping: number }> | null;
}

const STATE = Symbol('socket state');

export function socketState(socket: IoSocket): SocketState {
  const own = socket as unknown as { [STATE]?: SocketState };
  return (own[STATE] ??= {
    tokens: 0,
    last: 0,
    strikes: 0,
    threads: null,
    queue: null,
    chats: null,
  });
}

type Handler = {
  schema: z.ZodType | null;
  fn: (socket: IoSocket, input: unknown) => unknown;
};

const byIo = new WeakMap<Io, SocketEvents>();

/**
 * Every client event goes through one table per server: its input is validated with a zod
 * schema (a clear `invalid_input` answer, never a crash), the handler's exception or
 * rejected promise is caught, logged with the socket's context and answered with an error
 * acknowledgement. Nothing a client sends can throw out of a listener and take the process
 * down. Each socket gets one listener (socket.io's onAny), the same function for all of
 * them, which also holds the per-socket rate limit (a token bucket: `perTenSeconds` events,
 * refilled evenly; an event over the limit is refused with rate_limited, and a socket that
 * keeps sending after that warning is disconnected; other sockets never notice).
 */
export class SocketEvents {
  readonly #table = new Map<string, Handler>();
  readonly #dispatch: (this: IoSocket, name: string, ...args: unknown[]) => void;
  readonly #capacity: number;

  constructor(io: Io, logger: Logger, perTenSeconds: number) {
    byIo.set(io, this);
    const table = this.#table;
    const capacity = (this.#capacity = perTenSeconds);
    const refillPerMs = perTenSeconds / 10_000;
    const strikesAllowed = Math.max(5, Math.floor(capacity / 4));
    this.#dispatch = function dispatch(this: IoSocket, name: string, ...args: unknown[]) {
      const s = socketState(this);
      const now = Date.now();
      s.tokens = Math.min(capacity, s.tokens + (now - s.last) * refillPerMs);
      s.last = now;
      if (s.tokens >= 1) {
        s.tokens -= 1;
        if (s.tokens >= capacity / 2) s.strikes = 0;
        const h = table.get(name);
        if (h) run(this, logger, name, h, args);
        return;
      }
      refuse(this, logger, s, String(name), args.at(-1), perTenSeconds, strikesAllowed);
    };
  }

  /** The table of the server's sockets (tests add failing handlers to it). */
  static of(io: Io): SocketEvents {
    const events = byIo.get(io);
    if (!events) throw new Error('realtime is not started on this server');
    return events;
  }

  on<S extends z.ZodType, R>(
    event: string,
    schema: S | null,
    fn: (socket: IoSocket, input: z.output<S>) => R | Promise<R>,
  ): void {
    this.#table.set(event, { schema, fn: fn as Handler['fn'] });
  }

  /** A new connection: a full bucket, and the shared listener. */
  attach(socket: IoSocket): void {
    const s = socketState(socket);
    s.tokens = this.#capacity;
    s.last = Date.now();
    socket.onAny(this.#dispatch);
  }
}

function refuse(
  socket: IoSocket,
  logger: Logger,
  s: SocketState,
  event: string,
  ack: unknown,
  perTenSeconds: number,
  strikesAllowed: number,
) {
  s.strikes += 1;
  if (s.strikes > strikesAllowed) {
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
  else if (s.strikes === 1) notify(socket, { ...error, code: 'rate_limited', event });
}

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
    .then(() => h.fn(socket, h.schema ? parse(h.schema, args[0]) : undefined))
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
