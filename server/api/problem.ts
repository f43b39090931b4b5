import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { ErrorCode } from '../../protocol/types';
import { AppError, parserError, toClientError } from '../errors';
import type { Logger } from '../log';

/** The problem type of an error code: a URI naming it (RFC 9457 allows one that is not resolvable). */
export const problemType = (code: ErrorCode) => `urn:earshot:problem:${code}`;

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Answers with an RFC 9457 problem details document. */
export function sendProblem(res: Response, p: { status: number; code: ErrorCode; detail: string; field?: string }): void {
  res
    .status(p.status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: problemType(p.code),
        title: TITLES[p.status] ?? 'Error',
        status: p.status,
        detail: p.detail,
        code: p.code,
        ...(p.field ? { field: p.field } : {}),
      }),
    );
}

/** 404 for a path under /api/v1 that is no route. */
export const problemNotFound: RequestHandler = (req) => {
  throw new AppError('not_found', `No API route ${req.method} ${req.baseUrl}${req.path}.`);
};

/** The API's error handler: AppErrors become problem details, anything else a logged, generic 500. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    // body-parser's errors carry their own 4xx status; in the API, a bad body is the body's fault.
    const parsed = parserError(err);
    if (parsed) {
      const code: ErrorCode = parsed.code === 'not_found' ? 'invalid_payload' : parsed.code;
      sendProblem(res, { status: parsed.status, code, detail: parsed.message, field: 'body' });
      return;
    }
    const e = toClientError(err);
    if (e.unexpected) log.error({ err, path: req.path }, 'API request failed');
    sendProblem(res, { status: e.status, code: e.code, detail: e.message, field: e.field });
  };
}
