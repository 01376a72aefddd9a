import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchingNotifies } from '../../server/realtime/notify-batch';
import { createEmptyDatabase, type TestDatabase } from '../helpers/db';

const NOTIFY = 'SELECT pg_notify($1, $2)'; // what @socket.io/postgres-adapter sends

describe('the Postgres adapter publishes in batches', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let listener: pg.Client;
  const received: { channel: string; payload: string }[] = [];

  beforeAll(async () => {
    database = await createEmptyDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (n) =>
      received.push({ channel: n.channel, payload: n.payload ?? '' }),
    );
    await listener.query('LISTEN "sio#/"');
    await listener.query('LISTEN "sio#/chat"');
  });
  afterAll(async () => {
    await listener.end();
    await pool.end();
    await database.destroy();
  });

  it('delivers every publish once, in order, equal ones included; other queries pass through', async () => {
    const batched = batchingNotifies(pool);
    const sent = [
      ['sio#/', '{"type":2,"data":"online"}'],
      ['sio#/', '{"type":2,"data":"offline"}'],
      ['sio#/', '{"type":2,"data":"online"}'], // the same as the first: Postgres would fold it
      ['sio#/chat', '{"type":2,"data":"online"}'],
      ['sio#/', '{"type":2,"data":"online"}'],
    ];
    // All in one tick: the first goes alone, the rest wait for it and go as one batch.
    const acks = sent.map(([c, p]) => batched.query(NOTIFY, [c, p]));
    const passThrough = batched.query('SELECT 41 + 1 AS answer');
    await Promise.all(acks);
    expect((await passThrough).rows[0].answer).toBe(42);
    await expect.poll(() => received.length).toBe(sent.length);
    expect(received.map((r) => [r.channel, JSON.parse(r.payload)])).toEqual(
      sent.map(([c, p]) => [c, JSON.parse(p!)]),
    );
  });

  it('a failed batch fails each of its publishes', async () => {
    const broken = new pg.Pool({ connectionString: database.url, max: 1 });
    const batched = batchingNotifies(broken);
    await broken.end();
    await expect(batched.query(NOTIFY, ['sio#/', '{}'])).rejects.toThrow();
  });
});
