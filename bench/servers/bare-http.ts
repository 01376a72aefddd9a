/**
 * Baseline: a bare node:http server. With PG_URL it answers a pg `SELECT 1` per request; with
 * BODIES (a JSON file: { "/path": { "file": ..., "encoding": "br" | null } }) it sends those
 * exact bytes at those paths — the same bytes, same encoding, the real server sends.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import pg from 'pg';

const pool = process.env.PG_URL
  ? new pg.Pool({ connectionString: process.env.PG_URL, max: 10 })
  : null;
const body = JSON.stringify({ status: 'ok' });
const bodies = new Map<
  string,
  { bytes: Buffer; encoding: string | null; headers?: [string, string][] }
>();
if (process.env.BODIES) {
  const spec = JSON.parse(readFileSync(process.env.BODIES, 'utf8')) as Record<
    string,
    { file: string; encoding: string | null; headers?: [string, string][] }
  >;
  for (const [p, b] of Object.entries(spec))
    bodies.set(p, { bytes: readFileSync(b.file), encoding: b.encoding, headers: b.headers });
}

const server = http.createServer((req, res) => {
  const fixed = bodies.get(req.url ?? '');
  if (fixed?.headers) {
    // The app's own headers, as it sent them: the same bytes on the wire.
    res.writeHead(200, [...fixed.headers.flat(), 'Content-Length', String(fixed.bytes.length)]);
    res.end(fixed.bytes);
    return;
  }
  if (fixed) {
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      ...(fixed.encoding ? { 'Content-Encoding': fixed.encoding } : {}),
    });
    res.end(fixed.bytes);
    return;
  }
  if (!pool) {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(body);
    return;
  }
  pool.query('SELECT 1 AS one').then(
    (r) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(r.rows[0]));
    },
    () => {
      res.writeHead(500);
      res.end();
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool?.end();
  process.exit(0);
});
