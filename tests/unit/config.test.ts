import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('settings', () => {
  it('has sane defaults with an empty environment', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.isProduction).toBe(false);
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
