/**
 * npm run build:server (and the first half of `npm start`): compiles the server to plain
 * JavaScript in dist/server/ with esbuild — main.js, its lazily loaded chunks, and one file per
 * migration (the compiled server migrates from dist/server/migrations/, server/db/migrate.ts).
 *
 * Why: running the TypeScript sources through tsx (`node --import tsx`) keeps tsx's module
 * loader and its own V8 isolate alive for the life of the process. Compiled, `npm start` runs
 * plain node on JavaScript. Dev (`npm run dev`), the tests and the scripts keep running the
 * sources through tsx or Vitest.
 *
 * Plain .mjs, so plain node runs it (a build step that needed tsx would pay tsx's start).
 * npm packages stay external (resolved from node_modules at run time), so only our own code
 * is bundled; esbuild is the one tsx and Vite already bring. Every file is written to a
 * temporary name and renamed, and only when its bytes changed, so a server that is running
 * (or starting) from dist/server/ never reads a half-written file; files of an older build
 * that this one does not produce — a migration of another branch above all — are removed.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'server');

export async function buildServer() {
  const started = performance.now();
  const migrations = readdirSync(path.join(root, 'migrations')).filter((f) => /^\d.*\.ts$/.test(f));
  const entryPoints = { main: 'server/main.ts' };
  for (const file of migrations)
    entryPoints[`migrations/${file.replace(/\.ts$/, '')}`] = `migrations/${file}`;
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    // Code main.ts imports lazily (the app, while the embedded Postgres starts; the demo
    // seed) stays in chunks that load only when imported, as it does from the sources.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  const wanted = new Set();
  let written = 0;
  for (const file of result.outputFiles) {
    wanted.add(file.path);
    let old;
    try {
      old = readFileSync(file.path);
    } catch {
      old = undefined;
    }
    if (old && Buffer.compare(old, file.contents) === 0) continue;
    mkdirSync(path.dirname(file.path), { recursive: true });
    const tmp = `${file.path}.tmp-${process.pid}`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written++;
  }
  let removed = 0;
  for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile() && !wanted.has(full) && !/\.tmp-\d+$/.test(full)) {
      rmSync(full, { force: true });
      removed++;
    }
  }
  return { ms: performance.now() - started, files: wanted.size, written, removed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { ms, files, written, removed } = await buildServer();
  if (process.argv.includes('--verbose') || written || removed)
    console.log(
      `server compiled to dist/server in ${Math.round(ms)} ms (${written} of ${files} files written, ${removed} removed)`,
    );
}
