import { describe, it } from 'vitest';
import { redisAnswers } from '../helpers/cluster';
import { clusterSuite } from './realtime-cluster-suite';

// The same suite with CLUSTER=redis (Redis streams), when a Redis answers at REDIS_URL
// (default redis://127.0.0.1:6379). Without one it is skipped, saying so.
if (await redisAnswers()) clusterSuite('redis');
else
  describe('two instances, redis adapter', { retry: 2 }, () => {
    it.skip(`skipped: no Redis answers at ${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}`, () => {});
    console.warn(
      `\n!!! SKIPPING the Redis cluster tests: no Redis at ${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'}\n`,
    );
  });
