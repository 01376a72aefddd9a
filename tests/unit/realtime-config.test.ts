import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { clusterMode } from '../../server/realtime/adapter';

const base = { NODE_ENV: 'test' };

describe('realtime settings', () => {
  it('defaults: one instance, in memory; sane limits', () => {
    const c = loadConfig(base);
    expect(clusterMode(c)).toBe('off');
    expect(c.SOCKET_EVENTS_PER_10S).toBe(60);
    expect(c.REALTIME_REPLAY_MAX).toBe(500);
    expect(c.REALTIME_EVENT_RETENTION_HOURS).toBe(48);
    expect(c.REDIS_PREFIX).toBe('switchboard');
  });

  it('REDIS_URL alone picks Redis; CLUSTER says otherwise explicitly', () => {
    expect(clusterMode(loadConfig({ ...base, REDIS_URL: 'redis://r:6379' }))).toBe('redis');
    expect(
      clusterMode(loadConfig({ ...base, REDIS_URL: 'redis://r:6379', CLUSTER: 'postgres' })),
    ).toBe('postgres');
    expect(clusterMode(loadConfig({ ...base, CLUSTER: 'postgres' }))).toBe('postgres');
  });

  it('refuses bad values, naming the variable', () => {
    expect(() => loadConfig({ ...base, CLUSTER: 'yes' })).toThrow(
      'CLUSTER: expected off, postgres or redis',
    );
    expect(() => loadConfig({ ...base, CLUSTER: 'redis' })).toThrow(
      'REDIS_URL: required when CLUSTER=redis',
    );
    expect(() => loadConfig({ ...base, REDIS_URL: 'localhost:6379' })).toThrow(
      'REDIS_URL: expected a redis://host:6379 or rediss:// URL',
    );
    expect(() => loadConfig({ ...base, SOCKET_EVENTS_PER_10S: 'lots' })).toThrow(
      'SOCKET_EVENTS_PER_10S: expected a whole number',
    );
  });
});
