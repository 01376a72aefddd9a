/**
 * `kill -9` of the app leaves its embedded Postgres running (re-parented to init). The next
 * start on the same data directory must stop that leftover and come up ready, with no
 * person finding and stopping it first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectRoot } from '../../server/db/connect';

let dataDir: string | undefined;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  const leftover = dataDir ? await postmasterPid(dataDir) : undefined;
  if (leftover && isAlive(leftover)) process.kill(leftover, 'SIGQUIT');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function postmasterPid(dir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(text.split('\n', 1)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** `npm start` as a new user runs it: the embedded Postgres, no DATABASE_URL. */
async function startApp(dir: string) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'DATABASE_URL'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: projectRoot,
    env: {
      ...env,
      NODE_ENV: 'test',
      DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'debug',
      BUILD_CLIENT: 'false',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let url: string | undefined;
  for (let i = 0; i < 600 && !url && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const port = /running at http:\/\/\S+?:(\d+)/.exec(output)?.[1];
    if (port) url = `http://127.0.0.1:${port}`;
  }
  return { child, url, exited, output: () => output };
}

it('starts ready after a kill -9 of the app, stopping the Postgres it left running', async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-crash-'));
  const first = await startApp(dataDir);
  expect(first.url, first.output()).toBeDefined();
  expect((await fetch(`${first.url}/readyz`)).status).toBe(200);

  const leftover = await postmasterPid(dataDir);
  expect(leftover).toBeDefined();
  first.child.kill('SIGKILL');
  await first.exited;
  // The situation a person used to clean up by hand: the app is gone, its Postgres is not.
  expect(isAlive(leftover!)).toBe(true);

  const second = await startApp(dataDir);
  expect(second.url, second.output()).toBeDefined();
  expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
  expect(second.output()).toContain(`stopping PostgreSQL (pid ${leftover})`);
  expect(isAlive(leftover!)).toBe(false);

  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  // A clean stop stops its own Postgres too.
  const after = await postmasterPid(dataDir);
  expect(after === undefined || !isAlive(after)).toBe(true);
}, 120_000);
