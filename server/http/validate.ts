import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { fieldIssues } from '../../shared/validation';
import { AppError } from './errors';

type Part = 'body' | 'query' | 'params';

/** Deeper than any schema reads; a body nested thousands deep overflowed the walk below. */
const MAX_DEPTH = 32;

/** The dotted path of the first string holding a NUL byte, if any (Postgres text refuses them). */
function nulAt(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string')
    return value.includes('\0') ? path.join('.') || '(value)' : undefined;
  if (value && typeof value === 'object') {
    if (path.length === MAX_DEPTH) {
      const field = /^\d+$/.test(path[0]!) ? '(body)' : path[0]!; // a field, or a top-level list
      throw new AppError('invalid_input', `${field}: is nested too deeply`, field);
    }
    for (const [k, v] of Object.entries(value)) {
      const found = nulAt(v, [...path, k]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * Parses one part of the request with a shared zod schema; the first issue becomes a 400.
 * A NUL byte anywhere is refused first, naming its field: no schema lets one through to SQL;
 * so is a value nested deeper than any schema goes.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const nul = nulAt(value);
  if (nul !== undefined)
    throw new AppError('invalid_input', `${nul}: must not contain a NUL byte`, nul);
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const first = fieldIssues(result.error)[0]!;
  throw new AppError('invalid_input', `${first.field}: ${first.message}`, first.field);
}

/**
 * Validates and replaces `req[part]`. Express 5 makes `req.query` a getter, so parsed
 * values go to `res.locals[part]` as well; handlers read them from there.
 */
export function validate<S extends z.ZodType>(schema: S, part: Part = 'body') {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals[part] = parse(schema, req[part]);
    if (part === 'body') req.body = res.locals[part];
    next();
  };
}

/**
 * The request path itself: malformed percent-encoding (`%E0%A4%A`, `%ZZ`) or an encoded NUL
 * is the client's mistake, answered before any route tries to decode a parameter.
 */
export function checkPath(req: Request, _res: Response, next: NextFunction): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    throw new AppError('invalid_input', 'path: is not valid percent-encoding', 'path');
  }
  if (decoded.includes('\0'))
    throw new AppError('invalid_input', 'path: must not contain a NUL byte', 'path');
  next();
}
