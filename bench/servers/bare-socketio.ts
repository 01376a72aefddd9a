/**
 * Baseline for bench/fanout.bench.ts: a bare Socket.IO server on node:http (same
 * maxHttpBufferSize, bufferutil picked up by ws as in the app). `join` puts a socket in the
 * room; POST /post INSERTs the JSON body into one table (PG_URL) and broadcasts it to the
 * room — the least any "store, then tell everyone" server must do.
 */
import http from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

const pool = new pg.Pool({ connectionString: process.env.PG_URL, max: 10 });
await pool.query(
  'CREATE TABLE IF NOT EXISTS bare_events (id bigserial PRIMARY KEY, payload jsonb NOT NULL)',
);

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/post') {
    res.writeHead(404);
    res.end();
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d: string) => (body += d));
  req.on('end', () => {
    const payload = JSON.parse(body) as unknown;
    pool.query('INSERT INTO bare_events (payload) VALUES ($1) RETURNING id', [body]).then(
      () => {
        io.to('room').emit('thread:event', payload);
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end('{}');
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
});

const io = new Server(server, { serveClient: false, maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => {
  socket.on('join', (ack: (r: unknown) => void) => {
    void socket.join('room');
    ack({ ok: true });
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => {
  void io.close();
  void pool.end();
  process.exit(0);
});
