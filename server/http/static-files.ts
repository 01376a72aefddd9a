import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pickEncoding } from './json-cache';

/**
 * The built client's hashed assets (/assets/*): the build's pre-compressed .br / .gz copies
 * (scripts/vite-precompress.ts) when the client accepts them, with a year-long immutable cache
 * — a changed file gets a new name. Anything without a copy falls through to express.static
 * (and the compression middleware).
 */
export function hashedAssets(dir: string): RequestHandler[] {
  const precompressed: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const encoding = pickEncoding(req.headers['accept-encoding']);
    const file = path.join(dir, path.normalize(req.path).replace(/^(\.\.[/\\])+/, ''));
    const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : null;
    res.setHeader('Vary', 'Accept-Encoding');
    if (!suffix || !file.startsWith(dir + path.sep) || !existsSync(file + suffix)) return next();
    res.setHeader('Content-Encoding', encoding!);
    res.type(path.extname(file));
    res.sendFile(file + suffix, { immutable: true, maxAge: '1y' });
  };
  return [precompressed, express.static(dir, { immutable: true, maxAge: '1y' })];
}
