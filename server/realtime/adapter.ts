import pg from 'pg';
import type { AppContext } from '../context';
import { guardPool, releaseDroppedClients } from '../db/faults';
import { batchingNotifies } from './notify-batch';
import type { Io } from './types';

export type ClusterMode = 'off' | 'postgres' | 'redis';

export function clusterMode(config: AppContext['config']): ClusterMode {
  return config.CLUSTER ?? (config.REDIS_URL ? 'redis' : 'off');
}

/**
 * Lets several instances share rooms. off: Socket.IO's in-memory adapter. postgres:
 * LISTEN/NOTIFY on the app's database (payloads over 8000 bytes go through the
 * socket_io_attachments table). redis: Redis streams. Returns what to close after io.close().
 * Each adapter's library is loaded only when chosen: the redis client alone costs a fifth of
 * a second of start-up (bench/startup.bench.ts).
 */
export async function attachAdapter(
  ctx: AppContext,
  io: Io,
  mode: ClusterMode,
): Promise<() => Promise<void>> {
  const log = ctx.logger.child({ adapter: mode });
  if (mode === 'postgres') {
    const { createAdapter: createPostgresAdapter } = await import('@socket.io/postgres-adapter');
    // Its own small pool: the adapter keeps one connection LISTENing for good, and a busy
    // app pool must not delay cross-instance messages (nor they the app's queries).
    // The adapter's LISTEN client is checked out forever and has no 'error' listener of its
    // own; guardPool gives every client one, so a database restart reconnects, not crashes.
    // When that connection drops, the adapter forgets the client without releasing it.
    // A notification is gone with a crash whatever the commit waits for (clients catch up
    // from the outbox on reconnect), so its commit need not wait for the disk.
    const pool = releaseDroppedClients(
      guardPool(
        new pg.Pool({ ...ctx.pool.options, max: 4, options: '-c synchronous_commit=off' }),
        log,
        'adapter client',
      ),
    );
    io.adapter(
      createPostgresAdapter(batchingNotifies(pool), {
        errorHandler: (err) => log.warn({ err }, 'postgres adapter error'),
      }),
    );
    return () => pool.end();
  }
  if (mode === 'redis') {
    const [{ createAdapter: createRedisAdapter }, { createClient }] = await Promise.all([
      import('@socket.io/redis-streams-adapter'),
      import('redis'),
    ]);
    const client = createClient({ url: ctx.config.REDIS_URL });
    client.on('error', (err: unknown) => log.warn({ err }, 'redis error'));
    await client.connect();
    io.adapter(
      createRedisAdapter(client, {
        streamName: `${ctx.config.REDIS_PREFIX}:socket.io`,
        channelPrefix: `${ctx.config.REDIS_PREFIX}:socket.io`,
        sessionKeyPrefix: `${ctx.config.REDIS_PREFIX}:sio:session:`,
        onlyPlaintext: true,
      }),
    );
    return async () => {
      await client.close().catch(() => client.destroy());
    };
  }
  return async () => {};
}
