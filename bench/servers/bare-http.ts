/** Baseline: a bare node:http server; with PG_URL it answers a pg `SELECT 1` per request. */
import http from 'node:http';
import pg from 'pg';

const pool = process.env.PG_URL
  ? new pg.Pool({ connectionString: process.env.PG_URL, max: 10 })
  : null;
const body = JSON.stringify({ status: 'ok' });

const server = http.createServer((_req, res) => {
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
