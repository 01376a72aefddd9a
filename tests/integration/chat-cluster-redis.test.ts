import { describe, it } from 'vitest';
import { redisAnswers } from '../helpers/cluster';
import { chatClusterSuite } from './chat-cluster-suite';

// The same with CLUSTER=redis, when a Redis answers at REDIS_URL; skipped (saying so) otherwise.
if (await redisAnswers()) chatClusterSuite('redis');
else
  describe('chat on two instances, redis adapter', () => {
    it.skip('skipped: no Redis answers at REDIS_URL', () => {});
  });
