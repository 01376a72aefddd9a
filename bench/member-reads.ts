/**
 * Thread and list reads as a visitor and as a signed-in member, through the real server,
 * each against a bare node:http server sending the very same bytes — the same headers (the
 * security headers are a kilobyte) and the same body in the same encoding — plus the bytes on
 * the wire and the server's memory under the thread load; and the thread's server-rendered
 * page as a visitor gets it (server/pages/), against the same bare server sending that HTML.
 * Used by forum.bench.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { load, type LoadResult } from './autocannon';
import { spawnHelper } from './env';
import { figure, type Figure } from './lib';

const BROWSER = 'gzip, deflate, br, zstd';
const C = 50;
const SECONDS = 10;

function raw(url: string, headers: Record<string, string>) {
  return new Promise<{
    status: number;
    encoding: string | null;
    bytes: Buffer;
    headers: [string, string][];
  }>((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: (res.headers['content-encoding'] as string | undefined) ?? null,
          bytes: Buffer.concat(chunks),
          headers: pairs(res.rawHeaders),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The app's response headers, for the bare server to send as well: with the security headers
 * (about 1 KB: CSP, HSTS, …) the baseline sends the very same bytes on the wire, not just the
 * same body. Those node:http writes itself (Date, Connection, framing) are left to it.
 */
const ownHeaders = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
]);
function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (!ownHeaders.has(raw[i]!.toLowerCase())) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** A member with a session, who voted on a few replies of the thread (a realistic overlay). */
async function signedInMember(appUrl: string, threadId: string) {
  const json = { 'Content-Type': 'application/json', Origin: appUrl };
  const password = 'bench password for a member';
  const up = await fetch(`${appUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      email: 'member@example.test',
      handle: 'bench_member',
      displayName: 'Bench Member',
      password,
    }),
  });
  if (up.status !== 202) throw new Error(`sign-up failed: ${up.status} ${await up.text()}`);
  const res = await fetch(`${appUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ login: 'bench_member', password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sb.sid='))!
    .split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const detail = (await (await fetch(`${appUrl}/api/threads/${threadId}`)).json()) as {
    replies: { id: string }[];
  };
  let votes = 0;
  for (const r of detail.replies.slice(0, 5)) {
    const v = await fetch(`${appUrl}/api/replies/${r.id}/vote`, {
      method: 'PUT',
      headers: { ...json, cookie, 'X-CSRF-Token': csrfToken },
    });
    if (v.ok) votes++;
  }
  return { cookie, votes };
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  // The server itself (spawnApp's shell has exec'd node), not a wrapper process.
  if (!/^Name:\s+node$/m.test(status)) throw new Error(`pid ${child.pid} is not the node server`);
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

export async function memberReadFigures(
  app: { url: string; child: ChildProcess },
  threadId: string,
): Promise<Figure[]> {
  const member = await signedInMember(app.url, threadId);
  const threadPath = `/api/threads/${threadId}`;
  const overlayPath = `${threadPath}/viewer`;
  const hotPath = '/api/threads?sort=hot';
  const asMember = { cookie: member.cookie, 'accept-encoding': BROWSER };
  const asVisitor = { 'accept-encoding': BROWSER };
  // What a browser sends for a page (the page is only rendered for those who want HTML).
  const pagePath = `/q/${threadId}`;
  const asVisitorPage = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...asVisitor };

  // The exact bytes each side gets, for the bare server to send.
  const visitorThread = await raw(`${app.url}${threadPath}`, asVisitor);
  const memberThread = await raw(`${app.url}${threadPath}`, asMember);
  const memberOverlay = await raw(`${app.url}${overlayPath}`, asMember);
  const memberHot = await raw(`${app.url}${hotPath}`, asMember);
  const visitorPage = await raw(`${app.url}${pagePath}`, asVisitorPage);
  for (const r of [visitorThread, memberThread, memberOverlay, memberHot, visitorPage])
    if (r.status !== 200) throw new Error(`setup read failed: ${r.status}`);
  // A rendered page, not the app shell (a missing client build would make this line meaningless).
  if (
    !visitorPage.headers.some(
      ([k, v]) => k.toLowerCase() === 'content-type' && v.startsWith('text/html'),
    )
  )
    throw new Error('the thread page did not answer HTML');
  const dir = os.tmpdir();
  const spec: Record<
    string,
    { file: string; encoding: string | null; headers: [string, string][] }
  > = {};
  for (const [p, r] of [
    ['/thread', memberThread],
    ['/hot', memberHot],
    ['/overlay', memberOverlay],
    ['/page', visitorPage],
  ] as const) {
    const file = path.join(dir, `bench-body-${process.pid}${p.replace('/', '-')}`);
    writeFileSync(file, r.bytes);
    spec[p] = { file, encoding: r.encoding, headers: r.headers };
  }
  const specFile = path.join(dir, `bench-bodies-${process.pid}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const bare = await spawnHelper('bare-http.ts', { BODIES: specFile });

  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, rssMb(app.child)));
  let pagePeakRss = 0;
  const pageSample = () => (pagePeakRss = Math.max(pagePeakRss, rssMb(app.child)));
  const opts = { connections: C, seconds: SECONDS };
  const runs: Record<string, LoadResult[]> = {};
  const add = (k: string, r: LoadResult) => (runs[k] ??= []).push(r);
  try {
    // Alternate, so the shared machine's noise spreads over all sides.
    for (let i = 0; i < 2; i++) {
      add('bareThread', await load(`${bare.url}/thread`, opts));
      add(
        'visitor',
        await load(`${app.url}${threadPath}`, { ...opts, headers: asVisitor, sample }),
      );
      add('member', await load(`${app.url}${threadPath}`, { ...opts, headers: asMember, sample }));
      // A member's whole page: body and overlay, in turn on every connection.
      add('bareSequence', await load(bare.url, { ...opts, paths: ['/thread', '/overlay'] }));
      add(
        'page',
        await load(app.url, {
          ...opts,
          headers: asMember,
          paths: [threadPath, overlayPath],
          sample,
        }),
      );
      add('bareHot', await load(`${bare.url}/hot`, opts));
      add('hot', await load(`${app.url}${hotPath}`, { ...opts, headers: asMember }));
    }
    // The server-rendered page after the JSON loads, so the RSS figure above keeps measuring
    // what it always did; the page load's own peak is reported beside it.
    for (let i = 0; i < 2; i++) {
      add('barePage', await load(`${bare.url}/page`, opts));
      add(
        'visitorPage',
        await load(`${app.url}${pagePath}`, {
          ...opts,
          headers: asVisitorPage,
          sample: pageSample,
        }),
      );
    }
  } finally {
    await bare.stop();
  }
  const best = (k: string) => runs[k]!.reduce((a, b) => (b.rps > a.rps ? b : a));
  const enc = (r: { encoding: string | null; bytes: Buffer }) =>
    `${(r.bytes.length / 1024).toFixed(1)} KB ${r.encoding ?? 'plain'}`;
  const sameBytes = `bare node:http, same headers + ${enc(memberThread)}`;
  const bt = best('bareThread');
  const m = best('member');
  const bs = best('bareSequence');
  const page = best('page');
  return [
    figure({
      name: '300-reply thread, visitor',
      value: best('visitor').rps,
      unit: 'req/s',
      baseline: bt.rps,
      baselineLabel: `bare node:http, same headers + ${enc(visitorThread)}`,
      budget: { ratioAtLeast: 0.8 },
    }),
    figure({
      name: '300-reply thread page as HTML, visitor',
      value: best('visitorPage').rps,
      unit: 'req/s',
      baseline: best('barePage').rps,
      baselineLabel: `bare node:http, same headers + ${enc(visitorPage)}`,
      budget: { ratioAtLeast: 0.7 },
    }),
    figure({
      name: '300-reply thread, signed-in member',
      value: m.rps,
      unit: 'req/s',
      baseline: bt.rps,
      baselineLabel: sameBytes,
      budget: { ratioAtLeast: 0.5 },
    }),
    figure({
      name: '300-reply thread, signed-in member: p99',
      value: m.p99,
      unit: 'ms',
      baseline: bt.p99,
      baselineLabel: 'bare p99, same run',
      budget: { ratioAtMost: 2 },
    }),
    figure({
      name: `member's whole thread page (body + /viewer overlay ${enc(memberOverlay)}, ${member.votes} votes)`,
      value: page.rps,
      unit: 'req/s',
      baseline: bs.rps,
      baselineLabel: 'bare node:http, same two bodies in turn',
      budget: { report: true },
    }),
    figure({
      name: "member's whole thread page: p99",
      value: page.p99,
      unit: 'ms',
      baseline: bs.p99,
      baselineLabel: 'bare p99, same run',
      budget: { report: true },
    }),
    figure({
      name: 'hot list, signed-in member',
      value: best('hot').rps,
      unit: 'req/s',
      baseline: best('bareHot').rps,
      baselineLabel: `bare node:http, same headers + ${enc(memberHot)}`,
      budget: { ratioAtLeast: 0.5 },
    }),
    figure({
      name: `bytes on the wire, signed-in thread (body + overlay, accept-encoding: ${BROWSER})`,
      value: memberThread.bytes.length + memberOverlay.bytes.length,
      unit: 'B',
      baseline: visitorThread.bytes.length,
      baselineLabel: "the visitor's brotli bytes",
      budget: { ratioAtMost: 1.3 },
    }),
    figure({
      name: 'server RSS under the thread load (peak)',
      value: peakRss,
      unit: 'MB',
      budget: { valueAtMost: 250 },
    }),
    figure({
      name: 'server RSS under the HTML page load, after the JSON loads (peak)',
      value: pagePeakRss,
      unit: 'MB',
      budget: { report: true },
    }),
  ];
}
