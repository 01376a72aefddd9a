import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { projectRoot } from './lib/project-root';

export { projectRoot };
export const clientDist = path.join(projectRoot, 'dist', 'client');

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** The build is stale when any client or shared source is newer than the built index.html. */
export function clientBuildIsStale(): boolean {
  const built = path.join(clientDist, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) =>
    newestMtime(path.join(projectRoot, p)),
  );
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/** Builds the client with Vite when the build is missing or stale, so `npm start` just works. */
export async function ensureClientBuilt(logger: Logger): Promise<void> {
  if (!clientBuildIsStale()) return;
  if (!existsSync(path.join(projectRoot, 'client', 'index.html'))) return;
  logger.info('building the web client (first start or sources changed)…');
  const started = Date.now();
  const { build } = await import('vite');
  // Build beside the live folder, then swap, so a server (or a parallel test run) never
  // serves a half-written build.
  const staging = `${clientDist}.building-${process.pid}`;
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: staging, emptyOutDir: true },
  });
  await rm(clientDist, { recursive: true, force: true });
  await rename(staging, clientDist);
  logger.info({ ms: Date.now() - started }, 'web client built');
}
