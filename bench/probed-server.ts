/**
 * A server process (the app or a bare baseline) started with --expose-gc and the memory
 * probe (bench/servers/bare-socketio-probe.ts): `memory()` asks it for the memory it retains
 * after a full collection. Used by the fan-out and chat benches.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './env';

export interface ProbedServer {
  url: string;
  pid: number;
  memory(): Promise<{ retained: number; rss: number }>;
  stop(): Promise<void>;
}

export async function spawnProbedServer(
  args: string[],
  env: Record<string, string>,
): Promise<ProbedServer> {
  const child = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF_DIR=dir: each server writes a V8 CPU profile there when it stops
      // (open it in Chrome's DevTools, or summarise it with bench/cpu-profile.ts).
      ...(process.env.BENCH_CPU_PROF_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`]
        : []),
      '--expose-gc',
      '--import',
      'tsx',
      '--import',
      path.join(projectRoot, 'bench/servers/bare-socketio-probe.ts'),
      ...args.map((a) => path.join(projectRoot, a)),
    ],
    { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const probes: ((m: { retained: number; rss: number }) => void)[] = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (d: string) => {
    out += d;
    for (let m = /memprobe (\d+) (\d+)\n/.exec(out); m; m = /memprobe (\d+) (\d+)\n/.exec(out)) {
      out = out.slice(m.index + m[0].length);
      probes.shift()?.({ retained: Number(m[1]), rss: Number(m[2]) });
    }
  });
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at http:\/\/[^:]+:(\d+)|listening (\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        out = '';
        resolve(m[1] ?? m[2]!);
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`${args[0]} exited with ${code}: ${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    memory: () =>
      new Promise((resolve) => {
        probes.push(resolve);
        child.kill('SIGUSR2');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
