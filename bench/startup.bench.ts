/**
 * Cold `npm start` to /readyz 200 on an existing data directory, minus the embedded
 * Postgres's own start on the same directory (budget: ≤ 3 s beyond it).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { projectRoot } from './env';
import { figure, type Figure } from './lib';

async function startToReady(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_PRETTY: 'false',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    for (;;) {
      const port = /running at http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
      if (port) {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        if (res?.status === 200) return performance.now() - started;
      }
      if (child.exitCode !== null) throw new Error(`npm start exited: ${out}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

async function postgresAlone(dataDir: string): Promise<number> {
  const started = performance.now();
  const pg = await startEmbeddedPostgres(dataDir);
  const ms = performance.now() - started;
  await pg.stop();
  return ms;
}

export default async function run(): Promise<Figure[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-startup-'));
  try {
    await startToReady(dataDir); // first start: initdb, migrations, seed (not measured)
    const full: number[] = [];
    const pgOnly: number[] = [];
    for (let i = 0; i < 3; i++) {
      pgOnly.push(await postgresAlone(dataDir));
      full.push(await startToReady(dataDir));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    const pgMs = median(pgOnly);
    const fullMs = median(full);
    return [
      figure({
        name: 'npm start → /readyz 200 (existing data)',
        value: fullMs,
        unit: 'ms',
        baseline: pgMs,
        baselineLabel: 'embedded Postgres start alone',
        budget: { report: true },
      }),
      figure({
        name: 'start time beyond Postgres’s own start',
        value: fullMs - pgMs,
        unit: 'ms',
        budget: { valueAtMost: 3000 },
      }),
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
