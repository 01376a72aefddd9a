/**
 * The one Socket.IO connection of this tab, typed with the shared event maps.
 *
 * - Connects on first use (a thread page or the front page), same origin, same cookie.
 * - Reconnects by itself with exponential backoff and jitter (socket.io-client's
 *   reconnectionDelay / randomizationFactor). When the SERVER ends the connection
 *   (shutdown, sign-out elsewhere, flooding) socket.io does not retry, so we do: after the
 *   delay the server asked for, plus jitter, so a restarted instance is not stampeded.
 * - Publishes its state for the "live / reconnecting…" pill (`useConnectionState`).
 * - `onConnected(fn)` runs fn on every (re)connect: that is where rooms are re-joined with
 *   the last sequence number seen, so nothing is missed while offline.
 */
import { useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  AckResult,
  ClientToServerEvents,
  ServerNotice,
  ServerToClientEvents,
} from '../../../shared/realtime/events';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

let socket: LiveSocket | null = null;
let state: ConnectionState = 'connecting';
let serverAsked: { delayMs: number } | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const stateListeners = new Set<() => void>();
const connectListeners = new Set<() => void>();

function setState(next: ConnectionState) {
  if (next === state) return;
  state = next;
  stateListeners.forEach((l) => l());
}

const jitter = (ms: number) => ms / 2 + Math.random() * ms;

export function getSocket(): LiveSocket {
  if (socket) return socket;
  const s: LiveSocket = io({
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 15_000,
    randomizationFactor: 0.5,
  });
  socket = s;
  s.on('connect', () => {
    clearTimeout(retryTimer);
    serverAsked = null;
    setState('live');
    connectListeners.forEach((l) => l());
  });
  s.on('server:shutdown', ({ reconnectInMs }) => {
    serverAsked = { delayMs: reconnectInMs };
  });
  s.on('server:notice', (notice: ServerNotice) => {
    // Disconnected for flooding: come back, but not at once.
    if (notice.code === 'rate_limited' && /disconnected/i.test(notice.message))
      serverAsked = { delayMs: 30_000 };
  });
  s.on('disconnect', (reason) => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) setState('offline');
    else setState('reconnecting');
    if (reason === 'io server disconnect') {
      // The server closed it on purpose; socket.io leaves reconnecting to us.
      const delay = jitter(serverAsked?.delayMs ?? 1_000);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => s.connect(), delay);
    }
  });
  s.io.on('reconnect_attempt', () => setState('reconnecting'));
  s.io.on('reconnect_failed', () => setState('offline'));
  if (typeof window !== 'undefined') {
    // The network is gone: engine.io-client closes its transport on this event by itself
    // (except on hostname "localhost"), then socket.io would retry with backoff against a
    // dead network. Stop instead (pages show the offline state and queue), and when the
    // browser is back online connect straight away rather than sit out the backoff delay.
    window.addEventListener('offline', () => {
      setState('offline');
      clearTimeout(retryTimer);
      if (s.active) s.disconnect();
    });
    window.addEventListener('online', () => {
      setState('reconnecting');
      if (!s.connected) s.connect();
    });
  }
  return s;
}

/** Runs `fn` now if connected and after every reconnect; returns the unsubscribe. */
export function onConnected(fn: () => void): () => void {
  const s = getSocket();
  connectListeners.add(fn);
  if (s.connected) fn();
  return () => connectListeners.delete(fn);
}

/**
 * The socket authenticated at its handshake; after signing in or out in this tab it must
 * reconnect to be the new person (and re-join rooms with that person's permissions).
 */
let identity: string | null | undefined;
export function setRealtimeIdentity(viewerId: string | null): void {
  if (identity === undefined || identity === viewerId) {
    identity = viewerId;
    return;
  }
  identity = viewerId;
  const s = socket;
  if (s?.connected) {
    s.disconnect();
    s.connect();
  }
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (l) => {
      getSocket();
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    () => state,
    () => 'connecting',
  );
}

/** Emits with an acknowledgement; a timeout or a dropped connection becomes an error result. */
export async function request<E extends keyof ClientToServerEvents>(
  event: E,
  ...args: Parameters<ClientToServerEvents[E]> extends [...infer I, unknown] ? I : never
): Promise<AckResult<AckData<E>>> {
  try {
    const timed = getSocket().timeout(10_000);
    const emit = timed.emitWithAck.bind(timed) as (...a: unknown[]) => Promise<unknown>;
    return (await emit(event, ...args)) as AckResult<AckData<E>>;
  } catch {
    return { ok: false, error: { code: 'timeout', message: 'The server did not answer in time' } };
  }
}

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [...unknown[], (r: AckResult<infer T>) => void]
    ? T
    : unknown;

const TYPING_EVERY_MS = 2_000;
const lastTyping = new Map<string, number>();

/**
 * "Someone is replying…": call on every keystroke in a thread's reply composer (throttled
 * here to one message per 2 s) and with `false` when the reply is sent or abandoned.
 */
export function notifyTyping(threadId: string, typing = true): void {
  const s = socket;
  if (!s?.connected) return;
  const now = Date.now();
  if (typing && now - (lastTyping.get(threadId) ?? 0) < TYPING_EVERY_MS) return;
  if (!typing && !lastTyping.has(threadId)) return;
  if (typing) lastTyping.set(threadId, now);
  else lastTyping.delete(threadId);
  s.emit('thread:typing', { threadId, typing }, () => {});
}
