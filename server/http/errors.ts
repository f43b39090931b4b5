import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorCode } from '../../protocol/types';
import { AppError, toClientError } from '../errors';
import type { Logger } from '../log';

/** 404 in the API's own error shape. */
export const apiNotFound: RequestHandler = (req) => {
  throw new AppError('not_found', `No API route ${req.method} ${req.path}.`);
};

/** A 4xx that body-parser or serve-static raised, in the API's terms; null for any other error. */
export function parserError(err: unknown): { status: number; code: ErrorCode; message: string } | null {
  const http = err as { status?: unknown; type?: unknown; expose?: unknown; message?: unknown } | null;
  if (typeof http?.status !== 'number' || http.status >= 500 || err instanceof AppError) return null;
  const code = http.status === 413 ? 'too_long' : http.status === 404 ? 'not_found' : 'invalid_payload';
  const message =
    http.type === 'entity.parse.failed' ? 'The request body is not valid JSON.' : http.expose ? String(http.message) : 'Bad request.';
  return { status: http.status, code, message };
}

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
