import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, parserError, toClientError } from '../errors';
import type { Logger } from '../log';

/** 404 in the API's own error shape. */
export const apiNotFound: RequestHandler = (req) => {
  throw new AppError('not_found', `No API route ${req.method} ${req.path}.`);
};

/** The one Express error handler: AppErrors become JSON 4xx, anything else a logged, generic 500. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const parsed = parserError(err);
    if (parsed) {
      res.status(parsed.status).json({ ok: false, code: parsed.code, message: parsed.message });
      return;
    }
    const e = toClientError(err);
    if (e.unexpected) log.error({ err, path: req.path }, 'request failed');
    res.status(e.status).json({ ok: false, code: e.code, message: e.message });
  };
}
