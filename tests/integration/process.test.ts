import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/db/connect';
import { createEmptyDatabase } from '../helpers/db';

function runMain(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'server/main.ts')],
    {
      cwd: projectRoot,
      env: { ...process.env, LOG_PRETTY: 'false', BUILD_CLIENT: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe('the server process', () => {
  it('refuses to start on a bad setting, naming the variable and the expected form', async () => {
    const run = runMain({ PORT: 'eighty' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toContain('PORT: expected a port number');
  });

  it('starts on DATABASE_URL, serves, and stops cleanly with exit 0 on SIGTERM', async () => {
    const database = await createEmptyDatabase();
    await database.destroy();
    const run = runMain({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'true',
    });
    let url: string | undefined;
    for (let i = 0; i < 200 && !url; i++) {
      await new Promise((r) => setTimeout(r, 100));
      url = /running at (http:\/\/\S+?)"/.exec(run.output())?.[1];
    }
    expect(url, run.output()).toBeDefined();
    const port = new URL(url!).port;
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    const threads = (await (await fetch(`http://127.0.0.1:${port}/api/threads`)).json()) as {
      items: unknown[];
    };
    expect(threads.items.length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('stopped cleanly');
  });
});
