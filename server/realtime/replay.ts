import { sql } from 'kysely';
import type { LiveThreadEvent, ThreadEventEnvelope } from '../../shared/realtime/events';
import type { Db } from '../db';

/** A replay larger than this is not worth sending: the client refetches the thread instead. */
const REPLAY_MAX_BYTES = 1024 * 1024;

export interface Replay {
  seq: number;
  events?: ThreadEventEnvelope[];
  reset?: boolean;
}

/**
 * Everything after `lastSeq`, in order, from the database — or `reset` when the client
 * should refetch the thread instead: more than `max` events (or 1 MiB) behind, older than
 * the kept history (pruned), or ahead of the server (a restored database).
 * One statement, so the counter and the events come from the same snapshot.
 */
export async function replayThread(
  db: Db,
  threadId: string,
  lastSeq: number,
  max: number,
): Promise<Replay> {
  const r = await replayStream<LiveThreadEvent>(db, threadId, lastSeq, max);
  if (!r.events) return { seq: r.seq, ...(r.reset ? { reset: true } : {}) };
  return { seq: r.seq, events: r.events.map((e) => ({ threadId, ...e })) };
}

/** The same for any event stream (a thread, a chat conversation): `{ seq, event, at }`. */
export async function replayStream<E>(
  db: Db,
  streamId: string,
  lastSeq: number,
  max: number,
): Promise<{ seq: number; events?: { seq: number; event: E; at: string }[]; reset?: boolean }> {
  const { rows } = await sql<{
    last_seq: number | null;
    seq: number | null;
    payload: E | null;
    created_at: Date | null;
    bytes: number | null;
  }>`
    SELECT c.last_seq, e.seq, e.payload, e.created_at,
           sum(octet_length(e.payload::text)) OVER (ORDER BY e.seq) AS bytes
      FROM (SELECT ${streamId}::uuid AS thread_id) k
      LEFT JOIN thread_event_counters c ON c.thread_id = k.thread_id
      LEFT JOIN LATERAL (
        SELECT seq, payload, created_at FROM thread_events
         WHERE thread_id = k.thread_id AND seq > ${lastSeq}
         ORDER BY seq LIMIT ${max + 1}
      ) e ON true
     ORDER BY e.seq`.execute(db);
  const seq = Number(rows[0]?.last_seq ?? 0);
  const found = rows.filter((r) => r.seq !== null);
  if (lastSeq > seq) return { seq, reset: true };
  if (lastSeq === seq) return { seq, events: [] };
  if (found.length > max || Number(found[0]?.seq) !== lastSeq + 1) return { seq, reset: true };
  if (Number(found.at(-1)?.bytes) > REPLAY_MAX_BYTES) return { seq, reset: true };
  return {
    seq,
    events: found.map((r) => ({
      seq: Number(r.seq),
      event: r.payload!,
      at: r.created_at!.toISOString(),
    })),
  };
}

/** Drops events older than the retention window; reconnects from before it refetch. */
export async function pruneThreadEvents(db: Db, retentionHours: number): Promise<number> {
  const result = await db
    .deleteFrom('thread_events')
    .where('created_at', '<', sql<Date>`now() - ${retentionHours} * interval '1 hour'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
