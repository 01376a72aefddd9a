import type { NextFunction, Request, Response } from 'express';
import type { ApiErrorBody } from '../../shared/api/errors';
import { isDatabaseUnavailable } from '../db/faults';
import { AppError } from './errors';

/** Seconds a client is asked to wait while the database is away (it usually is back sooner). */
const RETRY_AFTER_SECONDS = 2;

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
}

/** Errors thrown by express.json() and friends carry a `type`; map the ones people cause. */
function fromBodyParser(err: HttpishError): AppError | undefined {
  if (err.type === 'entity.parse.failed')
    return new AppError('invalid_json', 'The request body is not valid JSON', '(body)');
  if (err.type === 'entity.too.large')
    return new AppError('payload_too_large', 'The request body is too large', '(body)');
  if (err.type === 'charset.unsupported')
    return new AppError('invalid_input', 'The request body charset is not supported', '(body)');
  if (err.type === 'encoding.unsupported')
    return new AppError(
      'unsupported_media_type',
      'The request body content-encoding is not supported',
      '(body)',
    );
  // A body that claims gzip/deflate/br but does not decode (zlib errors come through as 400).
  if (err.type === 'stream.encoding.set' || (err.status === 400 && err.expose))
    return new AppError('invalid_input', 'The request body could not be read', '(body)');
  return undefined;
}

/** The database is away (restart, failover, network): weather, not a bug. */
function fromDatabase(err: unknown): AppError | undefined {
  if (!isDatabaseUnavailable(err)) return undefined;
  return new AppError(
    'unavailable',
    'The service is briefly unavailable; please try again in a moment',
    undefined,
    { retryAfter: RETRY_AFTER_SECONDS },
  );
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const appError =
    err instanceof AppError
      ? err
      : (fromBodyParser((err ?? {}) as HttpishError) ?? fromDatabase(err));
  const requestId = String(req.id ?? '');
  if (appError) {
    if (appError.code === 'unavailable') req.log.warn({ err }, 'database unavailable');
    else if (appError.status >= 500) req.log.error({ err }, 'request failed');
    const body: ApiErrorBody = {
      error: {
        ...appError.extra,
        code: appError.code,
        message: appError.message,
        ...(appError.field ? { field: appError.field } : {}),
        requestId,
      },
    };
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (
      (appError.code === 'rate_limited' || appError.code === 'unavailable') &&
      appError.extra.retryAfter
    )
      res.setHeader('Retry-After', String(appError.extra.retryAfter));
    res.status(appError.status).json(body);
    return;
  }
  // Unknown: the log gets the stack, the person gets a generic message and the request id.
  req.log.error({ err }, 'unhandled error');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: ApiErrorBody = {
    error: {
      code: 'internal',
      message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
      requestId,
    },
  };
  res.status(500).json(body);
}
