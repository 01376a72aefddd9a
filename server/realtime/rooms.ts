import { createHash } from 'node:crypto';

/** Room names. A socket only ever enters a room the server put it in. */
export const rooms = {
  feed: 'feed',
  thread: (id: string) => `thread:${id}`,
  user: (id: string) => `user:${id}`,
  /** A chat conversation: only its two participants' sockets, after a database check. */
  conversation: (id: string) => `chat:${id}`,
  /**
   * Every socket of one browser session (all its tabs, on any instance). Named by a hash:
   * room names travel between instances and the session id is a secret.
   */
  session: (sessionId: string) => sessionRoom(sessionHash(sessionId)),
};

export const threadIdOfRoom = (room: string): string | null =>
  room.startsWith('thread:') ? room.slice('thread:'.length) : null;

/** Same as the migration's realtime_session_ended(): the first 32 hex digits of SHA-256. */
export const sessionHash = (sessionId: string): string =>
  createHash('sha256').update(sessionId).digest('hex').slice(0, 32);

export const sessionRoom = (hash: string): string => `session:${hash}`;
