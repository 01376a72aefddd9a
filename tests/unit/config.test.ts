import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, TEST_RUNNER_SESSION_SECRET } from '../../server/config';

describe('settings', () => {
  it('has sane defaults with an empty environment', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.isProduction).toBe(false);
  });

  it('reads the per-login sign-in limit under its old name too; the new name wins', () => {
    expect(loadConfig({}).RATE_LIMIT_SIGNIN_PER_LOGIN).toBe(10);
    expect(loadConfig({ RATE_LIMIT_SIGNIN_PER_ACCOUNT: '4' }).RATE_LIMIT_SIGNIN_PER_LOGIN).toBe(4);
    expect(
      loadConfig({ RATE_LIMIT_SIGNIN_PER_ACCOUNT: '4', RATE_LIMIT_SIGNIN_PER_LOGIN: '6' })
        .RATE_LIMIT_SIGNIN_PER_LOGIN,
    ).toBe(6);
    expect(() => loadConfig({ RATE_LIMIT_SIGNIN_PER_DEVICE: '0' })).toThrow(
      'RATE_LIMIT_SIGNIN_PER_DEVICE',
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT: expected a port number'],
    [{ PORT: '70000' }, 'PORT: expected a port number 0-65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: expected a postgres://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY: expected true or false'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET: required in production'],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('the session secret under NODE_ENV=test', () => {
  it('is the fixed one only inside the test runner', () => {
    expect(process.env.VITEST).toBeTruthy();
    expect(loadConfig({ NODE_ENV: 'test' }).SESSION_SECRET).toBe(TEST_RUNNER_SESSION_SECRET);
  });

  it('is random for any other start without SESSION_SECRET (never the public one)', () => {
    const vitest = process.env.VITEST;
    delete process.env.VITEST;
    try {
      const one = loadConfig({ NODE_ENV: 'test' }).SESSION_SECRET;
      const two = loadConfig({ NODE_ENV: 'test' }).SESSION_SECRET;
      expect(one).not.toBe(TEST_RUNNER_SESSION_SECRET);
      expect(one!.length).toBeGreaterThanOrEqual(32);
      expect(two).not.toBe(one);
      expect(loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'y'.repeat(40) }).SESSION_SECRET).toBe(
        'y'.repeat(40),
      );
    } finally {
      process.env.VITEST = vitest;
    }
  });
});
