import type { NextFunction, Request, Response } from 'express';
import type { ApiErrorBody } from '../../shared/api/errors';
import { AppError } from './errors';

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
  if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported')
    return new AppError('invalid_input', 'The request body encoding is not supported', '(body)');
  return undefined;
}

export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const appError = err instanceof AppError ? err : fromBodyParser((err ?? {}) as HttpishError);
  const requestId = String(req.id ?? '');
  if (appError) {
    if (appError.status >= 500) req.log.error({ err }, 'request failed');
    const body: ApiErrorBody = {
      error: {
        ...appError.extra,
        code: appError.code,
        message: appError.message,
        ...(appError.field ? { field: appError.field } : {}),
        requestId,
      },
    };
    if (appError.code === 'rate_limited' && appError.extra.retryAfter)
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
