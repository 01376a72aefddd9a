import type { AppContext } from '../context';
import { AppError } from '../http/errors';

/**
 * Flood control for sending, CHAT_MESSAGES_PER_10S per person. Two layers:
 * - a token bucket in this process (HTTP and every socket of theirs share it), refilled
 *   evenly: it turns a burst away before it costs a transaction;
 * - the messages this person stored in the last 10 seconds, counted in the send's own
 *   statement (queries.ts storeNewMessage; index chat_messages_sender_recent): the limit holds however many instances their tabs and requests reach
 *   (each instance's bucket alone would let N instances take N times the limit).
 * Past either, a refusal a person understands; the message stays in their composer to retry.
 */
const buckets = new Map<string, { tokens: number; at: number }>();

export const floodRefusal = (ctx: Pick<AppContext, 'config'>) =>
  refusal(ctx.config.CHAT_MESSAGES_PER_10S);

const refusal = (capacity: number) =>
  new AppError(
    'rate_limited',
    `You are sending messages very fast (more than ${capacity} in 10 seconds). Wait a few seconds, then send again — your message is kept.`,
  );

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
    throw refusal(capacity);
  }
  b.tokens -= 1;
  buckets.set(userId, b);
}
