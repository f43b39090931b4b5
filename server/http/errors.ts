import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toClientError } from '../errors';
import type { Logger } from '../log';

/** 404 in the API's own error shape. */
export const apiNotFound: RequestHandler = (req) => {
  throw new AppError('not_found', `No API route ${req.method} ${req.path}.`);
};

/** The one Express error handler: AppErrors become JSON 4xx, anything else a logged, generic 500. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    // Errors from body-parser and serve-static carry their own 4xx status.
    if (typeof err?.status === 'number' && err.status < 500 && !(err instanceof AppError)) {
      const code = err.status === 413 ? 'too_long' : err.status === 404 ? 'not_found' : 'invalid_payload';
      const message = err.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : err.expose ? String(err.message) : 'Bad request.';
      res.status(err.status).json({ ok: false, code, message });
      return;
    }
    const e = toClientError(err);
    if (e.unexpected) log.error({ err, path: req.path }, 'request failed');
    res.status(e.status).json({ ok: false, code: e.code, message: e.message });
  };
}
