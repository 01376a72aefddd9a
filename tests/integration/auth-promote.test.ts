import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/db/connect';
import { startTestApp, type TestApp } from '../helpers/app';
import { createUser, signIn } from '../helpers/auth';

const run = promisify(execFile);

describe('npm run user:promote -- <handle> <role>', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  const promote = (...args: string[]) =>
    run(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'scripts/user-promote.ts'), ...args],
      {
        cwd: projectRoot,
        env: {
          ...process.env,
          DATABASE_URL: app.database.url,
          LOG_LEVEL: 'warn',
          NODE_ENV: 'development',
        },
      },
    );

  it('promotes by handle (any case); the role shows on the next request', async () => {
    const u = await createUser(app.ctx.db, { handle: 'future_admin' });
    const client = await signIn(app, u);
    expect(client.viewer.role).toBe('member');
    const { stdout } = await promote('@Future_Admin', 'admin');
    expect(stdout).toContain('@future_admin is now admin.');
    expect((await client.get('/api/session')).body.viewer.role).toBe('admin');
  });

  it('explains bad input', async () => {
    await expect(promote('nobody_here', 'admin')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No account with the handle "nobody_here"'),
    });
    await expect(promote('someone', 'king')).rejects.toMatchObject({
      code: 64,
      stderr: expect.stringContaining('Usage: npm run user:promote'),
    });
  });
});
