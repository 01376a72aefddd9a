/**
 * Baseline for bench/signin.bench.ts: the least any sign-in must do, on bare node:http and
 * `pg` — read the JSON body, look the account up (one query), verify the password with the
 * same argon2id call, store a session (one insert into the same table) and answer. No
 * framework, no rate limits, no cookies beyond the session id. The app's sign-in is measured
 * against this in the same run: what it does beyond the floor is its own overhead.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { verifyPassword } from '../../server/auth/password';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

async function signIn(body: string): Promise<number> {
  const { login, password } = JSON.parse(body) as { login: string; password: string };
  const { rows } = await pool.query<{ id: string; password_hash: string | null }>(
    `SELECT id, password_hash FROM users
     WHERE (lower(email) = lower($1) OR lower(handle) = lower($1)) AND deleted_at IS NULL`,
    [login],
  );
  const user = rows[0];
  if (!user?.password_hash || !(await verifyPassword(user.password_hash, password))) return 401;
  await pool.query(
    `INSERT INTO session (sid, sess, expire) VALUES ($1, $2, now() + interval '1 day')`,
    [randomBytes(24).toString('base64url'), { passport: { user: user.id } }],
  );
  return 200;
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    signIn(Buffer.concat(chunks).toString('utf8')).then(
      (status) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: status === 200 }));
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
