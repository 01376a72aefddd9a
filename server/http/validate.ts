import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import { fieldIssues } from '../../shared/validation';
import { AppError } from './errors';

type Part = 'body' | 'query' | 'params';

/** Parses one part of the request with a shared zod schema; the first issue becomes a 400. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
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
