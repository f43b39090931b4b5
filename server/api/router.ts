import express, { type Request, type Response, type Router } from 'express';
import type { LimitSettings } from '../limits';
import type { SocketDeps } from '../socket/types';
import { AppError } from '../errors';
import { parse } from '../validation';
import { requireScope } from '../domain/api/tokens';
import { bearerAuth, callerOf } from './auth';
import { fingerprint, idempotencyKey, KEEP_MS, repeatedAnswer } from './idempotency';
import { openApiDocument } from './openapi';
import { problemHandler, problemNotFound } from './problem';
import type { ApiRoute } from './route';
import { API_ROUTES } from './routes';

/** Answers with JSON in the API's own content type. */
function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).type('application/json').send(JSON.stringify(body));
}

/** Runs one route: scope, validated input, then the handler; a write with an Idempotency-Key answers a repeat with the first answer. */
async function serve(r: ApiRoute, deps: SocketDeps, req: Request, res: Response): Promise<void> {
  const caller = callerOf(res);
  requireScope(caller.token, r.scope);
  const params = r.params ? parse(r.params, { ...req.params }) : undefined;
  const query = r.query ? parse(r.query, { ...(req.query as object) }) : undefined;
  if (r.body && req.body === undefined)
    throw new AppError('invalid_payload', 'Send a JSON body with Content-Type: application/json.', 'body');
  const body = r.body ? parse(r.body, req.body) : undefined;
  const key = r.method === 'get' ? null : idempotencyKey(req);
  const print = key ? fingerprint(req) : '';
  if (key) {
    const kept = await repeatedAnswer(deps.store, caller.token.id, key, print);
    if (kept) {
      res.set('Idempotent-Replayed', 'true');
      return sendJson(res, kept.status, kept.body);
    }
  }
  const answer = await r.handler({ params, query, body, caller, deps, idempotencyKey: key });
  if (r.html && (query as { format?: string } | undefined)?.format === 'html') {
    // Nothing on the page may run: it shows what people wrote.
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.status(r.status).type('html').send(r.html(answer));
    return;
  }
  if (key) {
    // Two requests racing with one key both get the answer kept first.
    const now = Date.now();
    const kept = await deps.store.saveIdempotentAnswer(
      { tokenId: caller.token.id, key, fingerprint: print, status: r.status, body: answer, createdAt: new Date(now).toISOString() },
      new Date(now - KEEP_MS).toISOString(),
    );
    return sendJson(res, kept.status, kept.body);
  }
  sendJson(res, r.status, answer);
}

/** The REST API v1: bearer tokens, problem details, the OpenAPI document at /openapi.json. */
export function apiV1(deps: SocketDeps, limits: LimitSettings): Router {
  const r = express.Router();
  r.use(express.json({ limit: '64kb' }));
  // The document is public: it describes the API, it gives no access to it.
  r.get('/openapi.json', (req, res) =>
    sendJson(res, 200, openApiDocument(`${deps.publicUrl ?? `${req.protocol}://${req.get('host')}`}/api/v1`)),
  );
  r.use(bearerAuth(deps.store, deps.limiters, limits.apiRequests));
  for (const route of API_ROUTES) r[route.method](route.path, (req, res) => serve(route, deps, req, res));
  r.use(problemNotFound);
  r.use(problemHandler(deps.log));
  return r;
}
