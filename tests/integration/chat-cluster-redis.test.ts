import { describe, it } from 'vitest';
import { redisAnswers } from '../helpers/cluster';
import { chatClusterSuite } from './chat-cluster-suite';

// The same with CLUSTER=redis, when a Redis answers at REDIS_URL; skipped (saying so)
// otherwise — except in CI (CI=true), where the Redis deployment must be tested.
if (await redisAnswers()) chatClusterSuite('redis');
else if (process.env.CI === 'true')
  describe('chat on two instances, redis adapter', () => {
    it('has a Redis to run against (CI=true)', () => {
      throw new Error('no Redis answers at REDIS_URL; CI must run the Redis chat cluster suite');
    });
  });
else
  describe('chat on two instances, redis adapter', () => {
    it.skip('skipped: no Redis answers at REDIS_URL', () => {});
  });
