import type { AppContext } from '../context';
import { AppError } from '../http/errors';

/**
 * Flood control for sending: a token bucket per person in this process (HTTP and every
 * socket of theirs share it), CHAT_MESSAGES_PER_10S refilled evenly. Past it, a refusal a
 * person understands; the message stays in their composer to retry.
 */
const buckets = new Map<string, { tokens: number; at: number }>();

export function takeChatToken(ctx: Pick<AppContext, 'config'>, userId: string): void {
  const capacity = ctx.config.CHAT_MESSAGES_PER_10S;
  const now = Date.now();
  const b = buckets.get(userId) ?? { tokens: capacity, at: now };
  b.tokens = Math.min(capacity, b.tokens + ((now - b.at) * capacity) / 10_000);
  b.at = now;
  if (buckets.size > 10_000)
    for (const [k, v] of buckets) if (v.tokens >= capacity) buckets.delete(k);
  if (b.tokens < 1) {
    buckets.set(userId, b);
    throw new AppError(
      'rate_limited',
      `You are sending messages very fast (more than ${capacity} in 10 seconds). Wait a few seconds, then send again — your message is kept.`,
    );
  }
  b.tokens -= 1;
  buckets.set(userId, b);
}
