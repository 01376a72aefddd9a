import { describe, it } from 'vitest';
import { redisAnswers } from '../helpers/cluster';
import { clusterSuite } from './realtime-cluster-suite';

// The same suite with CLUSTER=redis (Redis streams), when a Redis answers at REDIS_URL
// (default redis://127.0.0.1:6379). Without one it is skipped, saying so — except in CI
// (CI=true), where the Redis deployment must be tested: there a missing Redis fails.
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
if (await redisAnswers()) clusterSuite('redis');
else if (process.env.CI === 'true')
  describe('two instances, redis adapter', () => {
    it('has a Redis to run against (CI=true)', () => {
      throw new Error(`no Redis answers at ${url}; CI must run the Redis cluster suite`);
    });
  });
else
  describe('two instances, redis adapter', () => {
    it.skip(`skipped: no Redis answers at ${url}`, () => {});
    console.warn(`\n!!! SKIPPING the Redis cluster tests: no Redis at ${url}\n`);
  });
