import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { PresenceReport } from '../../shared/realtime/events';
import { rooms } from './rooms';
import type { Io } from './types';

const FLUSH_MS = 250;
const HEARTBEAT_MS = 10_000;
const EXPIRE_MS = 3 * HEARTBEAT_MS;

const ANONYMOUS = 'anon:'; // reader keys: a user id, or `anon:<socket id>`

/** One instance's readers of one thread, as reported. */
interface ThreadReaders {
  anonymous: number;
  userIds: string[];
}

/**
 * "N reading now", counted across instances. Each instance keeps its own readers per thread
 * (a person's tabs once: by user id; anonymous sockets one each) and tells the other
 * instances through the adapter (`serverSideEmit`): changes as they happen (batched every
 * 250 ms), everything every 10 s. Signed-in readers travel as user ids, so a person with tabs
 * on two instances counts once; anonymous ones as a count. Each instance takes the union
 * and tells its own sockets when a thread's total changes. An instance that stops reporting
 * is forgotten after 30 s.
 */
export class Presence {
  readonly instanceId = randomBytes(6).toString('hex');
  private local = new Map<string, Map<string, number>>();
  private remote = new Map<string, { seenAt: number; threads: Map<string, ThreadReaders> }>();
  /** What the others last heard from us, per thread, as a comparable signature. */
  private reported = new Map<string, string>();
  private shown = new Map<string, number>();
  private dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: Io,
    private readonly clustered: boolean,
    private readonly logger: Logger,
  ) {
    if (!clustered) return;
    io.on('presence:counts', (report) => this.onReport(report));
    io.on('presence:hello', (from) => {
      if (from !== this.instanceId) this.report(true);
    });
    this.heartbeatTimer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    this.heartbeatTimer.unref();
    this.send('presence:hello', this.instanceId);
  }

  /** A reader (user id or, anonymous, socket id) opened the thread. */
  add(threadId: string, key: string): void {
    const readers = this.local.get(threadId) ?? new Map<string, number>();
    this.local.set(threadId, readers);
    readers.set(key, (readers.get(key) ?? 0) + 1);
    this.touch(threadId);
  }

  remove(threadId: string, key: string): void {
    const readers = this.local.get(threadId);
    const n = readers?.get(key);
    if (!readers || !n) return;
    if (n > 1) readers.set(key, n - 1);
    else readers.delete(key);
    if (readers.size === 0) this.local.delete(threadId);
    this.touch(threadId);
  }

  total(threadId: string): number {
    const users = new Set<string>();
    let anonymous = 0;
    const add = (r: ThreadReaders | undefined) => {
      if (!r) return;
      anonymous += r.anonymous;
      for (const id of r.userIds) users.add(id);
    };
    add(this.localReaders(threadId));
    for (const r of this.remote.values()) add(r.threads.get(threadId));
    return users.size + anonymous;
  }

  private localReaders(threadId: string): ThreadReaders | undefined {
    const readers = this.local.get(threadId);
    if (!readers) return undefined;
    const userIds = [...readers.keys()].filter((k) => !k.startsWith(ANONYMOUS));
    return { anonymous: readers.size - userIds.length, userIds };
  }

  close(): void {
    clearTimeout(this.flushTimer);
    clearInterval(this.heartbeatTimer);
    // Tell the others at once that this instance's readers are gone.
    if (this.clustered)
      this.send('presence:counts', { from: this.instanceId, full: true, threads: [] });
  }

  private touch(threadId: string): void {
    this.dirty.add(threadId);
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const threads = [...this.dirty];
    this.dirty.clear();
    if (this.clustered) {
      const changed: PresenceReport['threads'] = [];
      for (const id of threads) {
        const r = this.localReaders(id) ?? { anonymous: 0, userIds: [] };
        const signature = `${r.anonymous}|${[...r.userIds].sort().join(',')}`;
        if ((this.reported.get(id) ?? '0|') !== signature)
          changed.push([id, r.anonymous, r.userIds]);
        if (r.anonymous || r.userIds.length) this.reported.set(id, signature);
        else this.reported.delete(id);
      }
      if (changed.length)
        this.send('presence:counts', { from: this.instanceId, full: false, threads: changed });
    }
    this.show(threads);
  }

  /** Emits the new total to this instance's sockets in each thread whose total changed. */
  private show(threads: Iterable<string>): void {
    for (const id of threads) {
      const reading = this.total(id);
      if ((this.shown.get(id) ?? 0) === reading) continue;
      if (reading) this.shown.set(id, reading);
      else this.shown.delete(id);
      this.io.local.to(rooms.thread(id)).emit('thread:presence', { threadId: id, reading });
    }
  }

  private onReport(report: PresenceReport): void {
    if (report.from === this.instanceId) return;
    const entry = this.remote.get(report.from) ?? { seenAt: 0, threads: new Map() };
    const affected = new Set<string>();
    if (report.full) {
      for (const id of entry.threads.keys()) affected.add(id);
      entry.threads = new Map();
    }
    for (const [id, anonymous, userIds] of report.threads) {
      affected.add(id);
      if (anonymous > 0 || userIds.length > 0) entry.threads.set(id, { anonymous, userIds });
      else entry.threads.delete(id);
    }
    entry.seenAt = Date.now();
    this.remote.set(report.from, entry);
    this.show(affected);
  }

  private heartbeat(): void {
    const now = Date.now();
    for (const [from, entry] of this.remote) {
      if (now - entry.seenAt < EXPIRE_MS) continue;
      this.remote.delete(from);
      this.logger.info({ instance: from }, 'presence: instance stopped reporting; forgotten');
      this.show(entry.threads.keys());
    }
    this.report(true);
  }

  private report(full: boolean): void {
    const threads = [...this.local.keys()].map((id): PresenceReport['threads'][number] => {
      const r = this.localReaders(id)!;
      return [id, r.anonymous, r.userIds];
    });
    this.send('presence:counts', { from: this.instanceId, full, threads });
  }

  private send(event: 'presence:counts' | 'presence:hello', payload: unknown): void {
    try {
      (this.io.serverSideEmit as (e: string, p: unknown) => void)(event, payload);
    } catch (err) {
      this.logger.warn({ err }, 'presence report failed');
    }
  }
}
