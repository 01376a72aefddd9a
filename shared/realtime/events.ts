import type { ThreadSummary } from '../api/threads';

/** Events the server sends. One map, used by `new Server<…>()` and by the React client. */
export interface ServerToClientEvents {
  'feed:thread': (thread: ThreadSummary) => void;
  'server:shutdown': (info: { reconnectInMs: number }) => void;
}

export type Ack<T = unknown> = (
  result: { ok: true; data?: T } | { ok: false; error: { code: string; message: string } },
) => void;

/** Events clients send; each answers through an acknowledgement. */
export interface ClientToServerEvents {
  'feed:join': (ack: Ack) => void;
}

export interface InterServerEvents {
  ping: () => void;
}

export interface SocketData {
  userId: string | null;
}
