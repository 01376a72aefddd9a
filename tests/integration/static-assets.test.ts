import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';

/** A built client in miniature: index.html and one hashed asset with its build-time copies. */
let app: TestApp;
const js = `export const hello = ${JSON.stringify('switchboard '.repeat(400))};\n`;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-client-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const asset = path.join(dir, 'assets', 'app-abc123.js');
  writeFileSync(asset, js);
  writeFileSync(`${asset}.br`, brotliCompressSync(js));
  writeFileSync(`${asset}.gz`, gzipSync(js));
  app = await startTestApp({ clientDir: dir });
});

function get(p: string, acceptEncoding: string) {
  return new Promise<{ headers: Record<string, unknown>; bytes: Buffer }>((resolve, reject) => {
    const req = request(
      `${app.url}${p}`,
      { headers: { 'accept-encoding': acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the built client', () => {
  it('serves hashed assets pre-compressed, immutable for a year; plain when asked', async () => {
    const br = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['content-type'])).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.bytes).toString()).toBe(js);
    const gz = await get('/assets/app-abc123.js', 'gzip, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/assets/app-abc123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString()).toBe(js);
  });

  it('serves index.html with no-cache, and an unknown page with its 404', async () => {
    const res = await fetch(`${app.url}/sign-in`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const missing = await fetch(`${app.url}/q/some-thread`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-cache');
  });
});
