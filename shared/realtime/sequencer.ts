/**
 * Applies a thread's events exactly once and in order, whatever order they arrive in.
 *
 * Live events can overtake each other between instances (the Postgres adapter publishes
 * each NOTIFY on its own connection), and a replay after a reconnect can overlap with live
 * events. So the client keeps the last sequence number it applied: an older or equal one
 * is a duplicate, the next one is applied, a later one waits for the gap to be filled (the
 * caller asks the server for a replay when `hasGap()` stays true).
 */
export interface Sequenced {
  seq: number;
}

export type OfferResult = 'applied' | 'duplicate' | 'buffered';

export class EventSequencer<E extends Sequenced> {
  private pending = new Map<number, E>();

  constructor(
    private readonly apply: (event: E) => void,
    /** null until the client knows where its copy of the thread stands. */
    private last: number | null = null,
  ) {}

  get lastSeq(): number | null {
    return this.last;
  }

  /** Events are waiting for an earlier one that has not arrived. */
  hasGap(): boolean {
    return this.pending.size > 0;
  }

  /** The thread was (re)loaded as of `seq`: forget older events, apply the ones after. */
  reset(seq: number): void {
    this.last = seq;
    for (const s of [...this.pending.keys()]) if (s <= seq) this.pending.delete(s);
    this.drain();
  }

  offer(event: E): OfferResult {
    if (this.last !== null && event.seq <= this.last) return 'duplicate';
    if (this.pending.has(event.seq)) return 'duplicate';
    this.pending.set(event.seq, event);
    const before = this.last;
    this.drain();
    return this.last !== before && this.last !== null && this.last >= event.seq
      ? 'applied'
      : 'buffered';
  }

  offerAll(events: readonly E[]): void {
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) this.offer(e);
  }

  private drain(): void {
    if (this.last === null) return;
    for (let next = this.pending.get(this.last + 1); next; next = this.pending.get(this.last + 1)) {
      this.pending.delete(next.seq);
      this.last = next.seq;
      this.apply(next);
    }
  }
}
