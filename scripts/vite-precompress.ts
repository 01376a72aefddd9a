import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/**
 * After `vite build`: a .br (quality 11) and a .gz (level 9) beside every asset over 1 KB, made
 * once at build time so the server never compresses a static file per request
 * (server/http/static-files.ts serves them).
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'switchboard-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(options) {
      const dir = options.dir ?? outDir;
      const walk = (d: string) => {
        for (const name of readdirSync(d)) {
          const file = path.join(d, name);
          if (statSync(file).isDirectory()) walk(file);
          else if (COMPRESSIBLE.test(name) && statSync(file).size > 1024) {
            const bytes = readFileSync(file);
            writeFileSync(
              `${file}.br`,
              brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
            );
            writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
          }
        }
      };
      walk(dir);
    },
  };
}
