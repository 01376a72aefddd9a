/**
 * Baselines for bench/chat.bench.ts: a bare Socket.IO server on node:http that relays.
 * `join` puts the socket in its conversation's room; `send` acknowledges and passes the
 * message to the other socket in the room — no auth, no adapter, one process.
 *
 * Without DATABASE_URL it stores nothing (the pure echo). With it, each message is first
 * stored the least way a chat that never loses one can — the bare insert-with-sequence
 * transaction over pg (BEGIN, next number, the row, COMMIT) — and only then acknowledged
 * and relayed with its number: what any durable chat pays on this machine.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const url = process.env.DATABASE_URL;
const pool = url ? new pg.Pool({ connectionString: url, max: 20 }) : null;
if (pool)
  await pool.query(`CREATE TABLE IF NOT EXISTS counters (id text PRIMARY KEY, seq bigint NOT NULL);
    CREATE TABLE IF NOT EXISTS messages (id uuid PRIMARY KEY, conversation text NOT NULL,
      seq bigint NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (conversation, seq))`);

async function store(db: pg.Pool, room: string, body: string): Promise<number> {
  const c = await db.connect();
  try {
    await c.query('BEGIN');
    const { rows } = await c.query<{ seq: string }>(
      `INSERT INTO counters (id, seq) VALUES ($1, 1)
       ON CONFLICT (id) DO UPDATE SET seq = counters.seq + 1 RETURNING seq`,
      [room],
    );
    const seq = Number(rows[0]!.seq);
    await c.query('INSERT INTO messages (id, conversation, seq, body) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      room,
      seq,
      body,
    ]);
    await c.query('COMMIT');
    return seq;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

type Message = { room: string; id: string; body: string; seq?: number };

const server = http.createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const io = new Server(server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => {
  socket.on('join', (room: string, ack: (r: unknown) => void) => {
    void socket.join(room);
    ack({ ok: true });
  });
  socket.on('send', (m: Message, ack: (r: unknown) => void) => {
    const relay = (seq?: number) => {
      const out = seq === undefined ? m : { ...m, seq };
      socket.to(m.room).emit('msg', out);
      ack({ ok: true, data: { id: m.id, seq } });
    };
    if (!pool) return relay();
    store(pool, m.room, m.body).then(relay, () => ack({ ok: false }));
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => {
  void io.close();
  void (pool?.end() ?? Promise.resolve()).then(() => process.exit(0));
});
