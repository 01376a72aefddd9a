import pg from 'pg';
import type { AppContext } from '../context';
import { sessionRoom } from './rooms';
import type { Io } from './types';

const CHANNEL = 'switchboard_session_ended';

/**
 * Disconnects the sockets of every session that ends, on every instance: the `session`
 * table's delete trigger (migration 2026_11_25_170000) NOTIFYs a hash of the session id,
 * and each instance, listening on its own connection, drops its local sockets in that
 * session's room. So signing out — or a password reset, "end other sessions", account
 * deletion, expiry — cuts live access within moments whatever the adapter, and no auth code
 * has to remember to call us. The client reconnects by itself, now as whoever its cookie says.
 */
export function listenForEndedSessions(ctx: AppContext, io: Io): () => Promise<void> {
  const log = ctx.logger.child({ component: 'session-end' });
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;

  const connect = async () => {
    const c = new pg.Client(ctx.pool.options);
    client = c;
    c.on('error', (err) => log.warn({ err }, 'session listener connection failed'));
    c.on('end', () => {
      if (client === c) client = undefined;
      if (!stopped) schedule();
    });
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      io.local.in(sessionRoom(msg.payload)).disconnectSockets(true);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      attempt = 0;
      if (stopped) await c.end();
    } catch (err) {
      log.warn({ err }, 'session listener could not connect; retrying');
      await c.end().catch(() => {});
    }
  };
  const schedule = () => {
    clearTimeout(retry);
    const delay = Math.min(30_000, 500 * 2 ** attempt++) * (0.5 + Math.random());
    retry = setTimeout(() => void connect(), delay);
    retry.unref();
  };
  void connect();

  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
