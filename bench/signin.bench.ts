/**
 * Sign-in throughput against the cost of argon2id verification on this machine.
 * A sign-in is one verify plus a few queries, and verifies run on libuv's thread pool. The
 * budgets: one sign-in at a time within 1.25× one verify (the rest — session insert,
 * rate-limit counters, JSON — must stay small next to the hash), and throughput ≥ 0.85× the
 * verifies/s the same process manages in parallel in the same rounds. The old ceiling,
 * cores ÷ one verify, stays printed for reference: it assumed the memory-hard hash scales
 * linearly over the cores, and on two vCPUs it does not (about 0.76×). Also reported: the latency of
 * an unknown-account sign-in vs a wrong password (the dummy hash keeps them equal) and of a
 * refused 1 MB password (no hashing at all).
 *
 * The machine is shared, so each side is measured three times, alternating, and the best run
 * of each counts (as bench/http.bench.ts does). A second throughput figure compares with
 * verifies/s measured in parallel in this process in the same rounds — the CPU that was
 * actually there — so a busy machine shows up as a low first ratio and a sane second one.
 */
import autocannon from 'autocannon';
import os from 'node:os';
import { defaultHashParams, hashPassword, verifyPassword } from '../server/auth/password';
import { benchPostgres, freshDatabase, spawnApp } from './env';
import { figure, percentile, type Figure } from './lib';

const PASSWORD = 'bench password for sign-in';

async function medianMs(n: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function parallelVerifiesPerSecond(stored: string, concurrency: number, ms: number) {
  let done = 0;
  const until = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await verifyPassword(stored, PASSWORD);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export default async function run(): Promise<Figure[]> {
  const cores = os.availableParallelism();
  const stored = await hashPassword(PASSWORD, defaultHashParams);
  await verifyPassword(stored, PASSWORD); // warm up

  const pg = await benchPostgres();
  try {
    const url = await freshDatabase(pg.adminUrl);
    const app = await spawnApp({
      DATABASE_URL: url,
      BUILD_CLIENT: 'false',
      SEED_DEMO: 'false',
      RATE_LIMIT_SIGNIN_PER_LOGIN: '1000000',
      RATE_LIMIT_SIGNIN_PER_IP: '1000000',
    });
    try {
      const signUp = await post(`${app.url}/api/auth/sign-up`, {
        email: 'bench@example.test',
        handle: 'bench_user',
        displayName: 'Bench',
        password: PASSWORD,
      });
      if (signUp.status !== 202) throw new Error(`sign-up failed: ${signUp.status}`);
      const signInUrl = `${app.url}/api/auth/sign-in`;

      const hashRuns: number[] = [];
      const parallelRuns: number[] = [];
      const signInRuns: number[] = [];
      for (let round = 0; round < 3; round++) {
        hashRuns.push(await medianMs(9, () => verifyPassword(stored, PASSWORD)));
        parallelRuns.push(await parallelVerifiesPerSecond(stored, cores * 2, 2000));
        const result = await autocannon({
          url: signInUrl,
          method: 'POST',
          connections: cores * 2,
          duration: 4,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: 'bench_user', password: PASSWORD }),
        });
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`sign-in run: ${result.non2xx} non-2xx, ${result.errors} errors`);
        signInRuns.push(result.requests.total / (result.duration || 4));
      }
      const hashMs = Math.min(...hashRuns);
      const signInsPerSecond = Math.max(...signInRuns);
      const verifiesPerSecond = Math.max(...parallelRuns);

      // Alternate the two so the machine's noise falls on both alike.
      const wrong: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 20; i++) {
        wrong.push(
          await medianMs(1, () =>
            post(signInUrl, { login: 'bench_user', password: 'not the password!' }),
          ),
        );
        unknown.push(
          await medianMs(1, () =>
            post(signInUrl, { login: 'nobody_here', password: 'not the password!' }),
          ),
        );
      }
      const p50 = (xs: number[]) =>
        percentile(
          [...xs].sort((a, b) => a - b),
          50,
        );
      const wrongMs = p50(wrong);
      const unknownMs = p50(unknown);
      // One at a time, alternating with a verify in this process, so both see the same machine.
      const alone: number[] = [];
      const verifyAlone: number[] = [];
      for (let i = 0; i < 25; i++) {
        verifyAlone.push(await medianMs(1, () => verifyPassword(stored, PASSWORD)));
        alone.push(
          await medianMs(1, () => post(signInUrl, { login: 'bench_user', password: PASSWORD })),
        );
      }
      const oneSignInMs = p50(alone);
      const oneVerifyMs = p50(verifyAlone);
      const hugeMs = await medianMs(5, () =>
        post(signInUrl, { login: 'bench_user', password: 'a'.repeat(1024 * 1024) }),
      );

      return [
        figure({
          name: `POST /api/auth/sign-in throughput (${cores} cores, argon2id m=19 MiB t=2 p=1)`,
          value: signInsPerSecond,
          unit: 'sign-ins/s',
          baseline: cores / (hashMs / 1000),
          baselineLabel: `cores ÷ one verify (${hashMs.toFixed(1)} ms); old baseline, for reference`,
          budget: { report: true },
        }),
        // The budget's baseline: what the hash alone does in parallel on the CPU that was
        // really there (a memory-hard hash does not scale linearly over two vCPUs).
        figure({
          name: 'POST /api/auth/sign-in throughput vs parallel verifies in-process (same rounds)',
          value: signInsPerSecond,
          unit: 'sign-ins/s',
          baseline: verifiesPerSecond,
          baselineLabel: `${cores * 2} concurrent verifies`,
          budget: { ratioAtLeast: 0.85 },
        }),
        // Why the first ratio cannot reach 1 here: a memory-hard hash does not scale with
        // cores when they share caches and memory bandwidth. This is the machine, not the app.
        figure({
          name: `argon2id verifies in parallel vs ${cores} × one at a time (hash scaling)`,
          value: verifiesPerSecond,
          unit: 'verifies/s',
          baseline: cores / (hashMs / 1000),
          baselineLabel: `cores ÷ one verify (${hashMs.toFixed(1)} ms)`,
          budget: { report: true },
        }),
        figure({
          name: 'one sign-in at a time (p50), vs one verify: the non-hash overhead',
          value: oneSignInMs,
          unit: 'ms',
          baseline: oneVerifyMs,
          baselineLabel: 'one argon2id verify, alternating',
          budget: { ratioAtMost: 1.25 },
        }),
        figure({
          name: 'sign-in latency, unknown account vs wrong password (p50)',
          value: unknownMs,
          unit: 'ms',
          baseline: wrongMs,
          baselineLabel: 'wrong password',
          budget: { ratioAtLeast: 0.8 },
        }),
        figure({
          name: 'sign-in latency, unknown account vs wrong password, upper bound (p50)',
          value: unknownMs,
          unit: 'ms',
          baseline: wrongMs,
          baselineLabel: 'wrong password',
          budget: { ratioAtMost: 1.25 },
        }),
        figure({
          name: '1 MB password refused with 400 (p50, upload included)',
          value: hugeMs,
          unit: 'ms',
          budget: { valueAtMost: 250 },
        }),
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await pg.stop();
  }
}
