import { sql } from 'kysely';
import type { ThreadSummary } from '../../shared/api/threads';
import type { LiveThreadEvent, ThreadEventEnvelope } from '../../shared/realtime/events';
import type { AppContext } from '../context';
import type { Db } from '../db';
import type { Trx } from '../forum/author';

/**
 * The after-commit event bus. Inside its transaction a feature records what changed:
 *
 *   const outbox = new Outbox();
 *   const reply = await ctx.db.transaction().execute(async (trx) => {
 *     …the write…
 *     await outbox.thread(trx, threadId, { type: 'reply.created', reply: publicReply(node) });
 *     return node;
 *   });
 *   outbox.publish(ctx); // only reached when the transaction committed
 *
 * Recording takes the next per-thread sequence numbers and stores the events, so a client
 * that reconnects gets exactly what it missed from the database. Record LAST in the
 * transaction: the counter row stays locked until commit, which makes sequence order equal
 * commit order (a reader who saw event n can never later find an uncommitted n-1), and
 * taking it last means it never waits in a cycle with the thread and reply row locks.
 */
export class Outbox {
  private threadEvents: ThreadEventEnvelope[] = [];
  private feed: ThreadSummary[] = [];

  async thread(trx: Trx, threadId: string, ...events: LiveThreadEvent[]): Promise<void> {
    this.threadEvents.push(...(await recordThreadEvents(trx, threadId, events)));
  }

  /** A new question for the front page's "N new questions" bar (not sequenced). */
  newThread(summary: ThreadSummary): void {
    this.feed.push(summary);
  }

  get recorded(): readonly ThreadEventEnvelope[] {
    return this.threadEvents;
  }

  /** Call once the transaction resolved. Never throws: the write already happened. */
  publish(ctx: AppContext): void {
    publishAfterCommit(ctx, this.threadEvents, this.feed);
    this.threadEvents = [];
    this.feed = [];
  }
}

/** Records events for one thread inside `trx`; returns them with their sequence numbers. */
export async function recordThreadEvents(
  trx: Trx,
  threadId: string,
  events: readonly LiveThreadEvent[],
): Promise<ThreadEventEnvelope[]> {
  if (events.length === 0) return [];
  const { first, at } = await takeStreamSeqs(trx, threadId, events.length);
  const envelopes = events.map((event, i) => ({
    threadId,
    seq: first + i,
    event,
    at: at.toISOString(),
  }));
  await storeStreamEvents(trx, threadId, at, envelopes);
  return envelopes;
}

/**
 * The next `n` sequence numbers of one event stream: a thread, or any other uuid-keyed
 * stream (a chat conversation). The counter row stays locked until commit, so sequence
 * order is commit order; take it last in the transaction (see Outbox above).
 */
export async function takeStreamSeqs(
  trx: Trx,
  streamId: string,
  n: number,
): Promise<{ first: number; at: Date }> {
  const { rows } = await sql<{ last_seq: number; at: Date }>`
    INSERT INTO thread_event_counters AS c (thread_id, last_seq)
    VALUES (${streamId}::uuid, ${n})
    ON CONFLICT (thread_id) DO UPDATE SET last_seq = c.last_seq + ${n}
    RETURNING c.last_seq, now() AS at`.execute(trx);
  const { last_seq: last, at } = rows[0]!;
  return { first: Number(last) - n + 1, at };
}

/** Stores a stream's events (already numbered by takeStreamSeqs) for replays. */
export async function storeStreamEvents(
  trx: Trx,
  streamId: string,
  at: Date,
  events: readonly { seq: number; event: { type: string } }[],
): Promise<void> {
  await trx
    .insertInto('thread_events')
    .values(
      events.map((e) => ({
        thread_id: streamId,
        seq: e.seq,
        type: e.event.type,
        payload: JSON.stringify(e.event),
        created_at: at,
      })),
    )
    .execute();
}

/** Shorthand for one event. */
export async function recordThreadEvent(
  trx: Trx,
  e: { threadId: string } & LiveThreadEvent,
): Promise<ThreadEventEnvelope> {
  const { threadId, ...event } = e;
  return (await recordThreadEvents(trx, threadId, [event as LiveThreadEvent]))[0]!;
}

/**
 * Sends committed events to their rooms (through the adapter, so every instance's sockets
 * get them). Without a running realtime server (scripts, some tests) it does nothing.
 */
export function publishAfterCommit(
  ctx: AppContext,
  events: readonly ThreadEventEnvelope[],
  newThreads: readonly ThreadSummary[] = [],
): void {
  const realtime = ctx.realtime;
  if (!realtime) return;
  try {
    for (const e of events) realtime.threadEvent(e);
    for (const t of newThreads) realtime.newThread(t);
  } catch (err) {
    ctx.logger.error(
      { err },
      'publishing realtime events failed (clients will catch up on reconnect)',
    );
  }
}

/** The thread's current sequence number (0 before its first event). */
export async function currentSeq(db: Db | Trx, threadId: string): Promise<number> {
  const row = await db
    .selectFrom('thread_event_counters')
    .select('last_seq')
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}
