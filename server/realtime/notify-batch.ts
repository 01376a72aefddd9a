import type pg from 'pg';

/** The one statement @socket.io/postgres-adapter publishes every broadcast with. */
const NOTIFY = 'SELECT pg_notify($1, $2)';

interface Pending {
  channel: string;
  payload: string;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Group commit for the Postgres adapter's publishes. The adapter sends each broadcast as its
 * own `SELECT pg_notify($1, $2)`, i.e. its own transaction, and Postgres commits notifying
 * transactions one after another under a cluster-wide lock: under a chat's load the
 * adapter's connections fall behind by seconds (bench/chat.bench.ts measured 3 s from send to
 * the other instance). Here one batch is on its way at a time; whatever is published
 * meanwhile goes out as the next batch, in one statement and one transaction, in order
 * (Postgres delivers a transaction's notifications in the order they were made).
 *
 * Every other query, and `connect()` (the adapter's LISTEN client), goes to the pool as is.
 */
export function batchingNotifies(pool: pg.Pool): pg.Pool {
  let queue: Pending[] = [];
  let sending = false;

  const flush = () => {
    if (sending || queue.length === 0) return;
    const batch = queue;
    queue = [];
    sending = true;
    pool
      .query('SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) AS t(c, p)', [
        batch.map((b) => b.channel),
        distinctPayloads(batch),
      ])
      .then(
        () => batch.forEach((b) => b.resolve()),
        (err: unknown) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        sending = false;
        flush();
      });
  };

  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver) as unknown;
      return (text: unknown, values?: unknown[]) => {
        if (text !== NOTIFY || !Array.isArray(values))
          return (target.query as (t: unknown, v?: unknown[]) => Promise<unknown>)(text, values);
        return new Promise<void>((resolve, reject) => {
          queue.push({ channel: String(values[0]), payload: String(values[1]), resolve, reject });
          flush();
        });
      };
    },
  });
}

/**
 * Postgres delivers identical notifications of one transaction only once, and two equal
 * broadcasts (a presence flip back and forth) can land in one batch. The adapter's payloads
 * are JSON, which ignores trailing whitespace: each repeat gets one more space.
 */
function distinctPayloads(batch: Pending[]): string[] {
  const seen = new Map<string, number>();
  return batch.map(({ channel, payload }) => {
    const key = `${channel}\0${payload}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n === 0 ? payload : payload + ' '.repeat(n);
  });
}
