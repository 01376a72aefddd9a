import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The checkout's root: the nearest folder above this code that holds package.json. The same
 * answer from the TypeScript sources (server/lib/, under tsx or Vitest) and from the compiled
 * server (dist/server/ and dist/server/chunks/, scripts/build-server.mjs), whose files sit at
 * other depths.
 */
export const projectRoot = findRoot(import.meta.dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
