import { describe, expect, it } from 'vitest';
import { EventSequencer } from '../../shared/realtime/sequencer';

const ev = (seq: number) => ({ seq, name: `e${seq}` });

describe('EventSequencer (exactly once, in order)', () => {
  it('applies the next event, drops duplicates and old ones', () => {
    const applied: number[] = [];
    const s = new EventSequencer<{ seq: number }>((e) => applied.push(e.seq), 3);
    expect(s.offer(ev(4))).toBe('applied');
    expect(s.offer(ev(4))).toBe('duplicate');
    expect(s.offer(ev(2))).toBe('duplicate');
    expect(applied).toEqual([4]);
  });

  it('holds an event that overtook an earlier one until the gap is filled', () => {
    const applied: number[] = [];
    const s = new EventSequencer<{ seq: number }>((e) => applied.push(e.seq), 0);
    expect(s.offer(ev(3))).toBe('buffered');
    expect(s.offer(ev(2))).toBe('buffered');
    expect(s.hasGap()).toBe(true);
    expect(s.offer(ev(1))).toBe('applied');
    expect(applied).toEqual([1, 2, 3]);
    expect(s.hasGap()).toBe(false);
    expect(s.lastSeq).toBe(3);
  });

  it('a replay overlapping live events applies each once', () => {
    const applied: number[] = [];
    const s = new EventSequencer<{ seq: number }>((e) => applied.push(e.seq), 10);
    s.offer(ev(13)); // live, arrived before the replay answer
    s.offerAll([ev(14), ev(11), ev(12), ev(13)]);
    s.offer(ev(14));
    expect(applied).toEqual([11, 12, 13, 14]);
  });

  it('buffers everything until it knows where the page stands, then applies what is newer', () => {
    const applied: number[] = [];
    const s = new EventSequencer<{ seq: number }>((e) => applied.push(e.seq));
    s.offer(ev(5));
    s.offer(ev(6));
    s.offer(ev(8));
    expect(applied).toEqual([]);
    s.reset(5); // the reloaded thread already contains 5
    expect(applied).toEqual([6]);
    expect(s.hasGap()).toBe(true);
    s.reset(8); // reloaded again, as of 8: nothing older is kept waiting
    expect(s.hasGap()).toBe(false);
    expect(s.lastSeq).toBe(8);
  });
});
