import pg from 'pg';
import type { AppContext } from '../context';

/** Postgres NOTIFY channels the triggers in migrations/ send on; payload → handler. */
export type ChannelHandlers = Record<string, (payload: string) => void>;

/**
 * One LISTEN connection per instance for the signals the database's triggers send at commit
 * (an ended session, a changed notification). Each instance acts on its own local sockets,
 * so this works whatever the adapter, and no feature code has to remember to publish.
 * Reconnects with backoff and jitter when the connection drops.
 */
export function listenToPostgres(
  ctx: AppContext,
  handlers: ChannelHandlers,
  /**
   * Called after the connection was lost and LISTEN is back: signals sent in between were
   * never delivered, so the caller catches up from the tables themselves.
   */
  onResubscribed: () => Promise<void> = async () => {},
): () => Promise<void> {
  const log = ctx.logger.child({ component: 'pg-listen' });
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0;
  let subscribedBefore = false;

  const connect = async () => {
    const c = new pg.Client(ctx.pool.options);
    client = c;
    c.on('error', (err) => log.warn({ err }, 'listener connection failed'));
    c.on('end', () => {
      if (client === c) client = undefined;
      if (!stopped) schedule();
    });
    c.on('notification', (msg) => {
      if (msg.payload) handlers[msg.channel]?.(msg.payload);
    });
    try {
      await c.connect();
      for (const channel of Object.keys(handlers)) await c.query(`LISTEN ${channel}`);
      attempt = 0;
      if (stopped) return void (await c.end());
      if (subscribedBefore) {
        log.info('listener re-subscribed; catching up');
        await onResubscribed().catch((err: unknown) => log.warn({ err }, 'catch-up failed'));
      }
      subscribedBefore = true;
    } catch (err) {
      log.warn({ err }, 'listener could not connect; retrying');
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
