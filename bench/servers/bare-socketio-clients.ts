/**
 * The client side of bench/fanout.bench.ts: processes holding 250 socket.io-client sockets
 * each (so the sockets do not share the server's CPU accounting or event loop), driven over
 * IPC. Started as `node --import tsx <this file>` with FANOUT_WORKER=1. Receipt times use
 * the system-wide monotonic clock (process.hrtime), so they compare across processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';

export const WORKERS = 4;
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export type ToWorker =
  | { type: 'connect'; url: string; count: number; cookie?: string }
  | { type: 'join'; event: string; payload?: unknown }
  | { type: 'drop'; count: number }
  | { type: 'close' };
type FromWorker =
  | { type: 'ok' }
  | { type: 'received'; key: string; last: number }
  | { type: 'sample'; envelope: unknown };

if (process.env.FANOUT_WORKER === '1') await worker();

export interface Worker {
  send(msg: ToWorker): Promise<void>;
  onReceived?: (key: string, last: number) => void;
  onSample?: (envelope: unknown) => void;
  close(): Promise<void>;
}

export async function startWorkers(): Promise<Worker[]> {
  return Promise.all(Array.from({ length: WORKERS }, () => startWorker()));
}

async function startWorker(): Promise<Worker> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, FANOUT_WORKER: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: (() => void)[] = [];
  const w: Worker = {
    send: (msg) =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        child.send(msg);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.send({ type: 'close' } satisfies ToWorker);
      }),
  };
  child.on('message', (m: FromWorker) => {
    if (m.type === 'ok') waiting.shift()?.();
    else if (m.type === 'received') w.onReceived?.(m.key, m.last);
    else if (m.type === 'sample') w.onSample?.(m.envelope);
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  return w;
}

export const all = (workers: Worker[], msg: ToWorker) =>
  Promise.all(workers.map((w) => w.send(msg)));

/** One post; resolves with ms from just before the POST to the last socket's receipt. */
export async function fanout(workers: Worker[], post: (key: string) => Promise<Response>) {
  const key = randomUUID();
  let pending = workers.length;
  let last = 0;
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`post ${key}: not everyone got it`)), 15_000);
    for (const w of workers)
      w.onReceived = (k, t) => {
        if (k !== key) return;
        last = Math.max(last, t);
        if (--pending === 0) {
          clearTimeout(timer);
          resolve();
        }
      };
  });
  const started = now();
  const res = await post(key);
  if (!res.ok) throw new Error(`post failed: ${res.status} ${await res.text()}`);
  await done;
  return last - started;
}

async function worker(): Promise<void> {
  const sockets: Socket[] = [];
  const counts = new Map<string, { n: number; last: number }>();
  let sampled = false;
  const reply = (m: FromWorker) => process.send!(m);
  const onEvent = (e: { event?: { reply?: { id?: string } } }) => {
    const t = now();
    const key = e.event?.reply?.id;
    if (!key) return;
    if (!sampled) {
      sampled = true;
      reply({ type: 'sample', envelope: e });
    }
    const c = counts.get(key) ?? { n: 0, last: 0 };
    c.n++;
    c.last = Math.max(c.last, t);
    counts.set(key, c);
    if (c.n === sockets.length) {
      counts.delete(key);
      reply({ type: 'received', key, last: c.last });
    }
  };
  const inBatches = async <T>(items: T[], fn: (x: T) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 50) await Promise.all(items.slice(i, i + 50).map(fn));
  };
  process.on('message', async (msg: ToWorker) => {
    if (msg.type === 'connect') {
      const fresh: Socket[] = [];
      await inBatches(Array.from({ length: msg.count }), () => {
        // The web client's transports (long-polling handshake, then the websocket upgrade);
        // FANOUT_TRANSPORT=websocket measures websocket-only clients instead.
        const s = ioClient(msg.url, {
          ...(process.env.FANOUT_TRANSPORT === 'websocket' ? { transports: ['websocket'] } : {}),
          reconnection: false,
          forceNew: true,
          extraHeaders: msg.cookie ? { cookie: msg.cookie } : {},
        });
        fresh.push(s);
        s.on('thread:event', onEvent);
        return new Promise((r) => s.once('connect', () => r(null)));
      });
      sockets.push(...fresh);
    } else if (msg.type === 'join') {
      await inBatches(sockets, (s) =>
        msg.payload === undefined
          ? s.timeout(30_000).emitWithAck(msg.event)
          : s.timeout(30_000).emitWithAck(msg.event, msg.payload),
      );
    } else if (msg.type === 'drop') {
      for (const s of sockets.splice(0, msg.count)) s.disconnect();
    } else if (msg.type === 'close') {
      for (const s of sockets) s.disconnect();
      process.exit(0);
    }
    reply({ type: 'ok' });
  });
  reply({ type: 'ok' });
}
