import type pg from 'pg';
import type { Logger } from 'pino';

/**
 * Errors that mean "the database is not reachable right now" rather than "this query is
 * wrong": the server shutting down or restarting (57P01-57P03), connection failures (class 08),
 * too many connections (53300), and the socket-level and pool-level messages pg gives when a
 * connection cannot be made or was cut. The edge answers these with 503 + Retry-After.
 */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);
const unavailableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const unavailableMessages = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /not queryable/,
  /^Client was closed and is not queryable/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (unavailableSqlStates.has(code) || code.startsWith('08')) return true;
  if (unavailableSocketCodes.has(code)) return true;
  // Node's AggregateError for a host with several addresses (IPv4 + IPv6).
  if (Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return unavailableMessages.some((re) => re.test(message));
}

/**
 * pg-pool removes its own 'error' listener from a client while it is checked out (a Kysely
 * transaction, a pg-boss lock, the session store's query). A connection dropped at that
 * moment emits 'error' with no listener, and Node kills the process for it. One listener per
 * client, added when the pool makes it, keeps the drop what it is: the query in flight fails
 * with the error (and is answered 503), the pool discards the client and makes a new one.
 */
export function guardPool(pool: pg.Pool, logger: Logger, what = 'database client'): pg.Pool {
  pool.on('error', (err) => logger.warn({ err }, `idle ${what} failed`));
  pool.on('connect', (client) =>
    client.on('error', (err) => logger.warn({ err }, `${what} connection failed`)),
  );
  return pool;
}

/**
 * For a pool whose user keeps a client checked out for good and, when that connection ends,
 * just drops it without `release()` (the Socket.IO Postgres adapter's LISTEN client does
 * this). The pool would still count the dead client as busy: every database restart leaks a
 * slot until the adapter cannot connect at all, and `pool.end()` waits for it forever (a
 * stop hung for 30 s). Here a checked-out client whose connection ends is released with the
 * error, so the pool discards it; a client already back in the pool is left alone.
 */
export function releaseDroppedClients(pool: pg.Pool): pg.Pool {
  const checkedOut = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_err: Error | undefined, client: pg.PoolClient) => checkedOut.delete(client));
  pool.on('connect', (client) =>
    client.once('end', () => {
      const c = client as pg.PoolClient;
      if (checkedOut.has(c)) c.release(new Error('connection ended while checked out'));
    }),
  );
  return pool;
}
