import express, { type Request, type Response, type Router } from 'express';
import type { LimitSettings } from '../limits';
import { AppError } from '../errors';
import { parse } from '../validation';
import { requireScope } from '../domain/api/tokens';
import { bearerAuth, callerOf } from './auth';
import { claimKey, fingerprint, idempotencyKey } from './idempotency';
import { openApiDocument } from './openapi';
import { problemHandler, problemNotFound } from './problem';
import type { ApiDeps, ApiRoute } from './route';
import { API_ROUTES } from './routes';

/** Answers with JSON in the API's own content type. */
function sendJson(res: Response, status: number, body: unknown): void {
  if (status === 204) return void res.status(204).end();
  res.status(status).type('application/json').send(JSON.stringify(body));
}

/** A domain refusal names the console's field (`dueAt`); the API's fields are snake_case (`due_at`). */
function inApiTerms(err: unknown): never {
  if (err instanceof AppError && err.field && /^[a-z][A-Za-z.]*[A-Z]/.test(err.field)) {
    const field = err.field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    throw new AppError(err.code, err.message.replaceAll(err.field, field), field, err);
  }
  throw err;
}

/** Runs one route: scope, validated input, then the handler; a write with an Idempotency-Key answers a repeat with the first answer. */
async function serve(r: ApiRoute, deps: ApiDeps, req: Request, res: Response): Promise<void> {
  const caller = callerOf(res);
  requireScope(caller.token, r.scope);
  const params = r.params ? parse(r.params, { ...req.params }) : undefined;
  const query = r.query ? parse(r.query, { ...(req.query as object) }) : undefined;
  if (r.body && req.body === undefined)
    throw new AppError('invalid_payload', 'Send a JSON body with Content-Type: application/json.', 'body');
  const body = r.body ? parse(r.body, req.body) : undefined;
  const key = r.method === 'get' ? null : idempotencyKey(req);
  const run = () => r.handler({ params, query, body, caller, deps, idempotencyKey: key }).catch(inApiTerms);
  if (!key) {
    const answer = await run();
    if (r.html && (query as { format?: string } | undefined)?.format === 'html') {
      // Nothing on the page may run: it shows what people wrote.
      res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      res.status(r.status).type('html').send(r.html(answer));
      return;
    }
    return sendJson(res, r.status, answer);
  }
  // The key is claimed before the write runs, so a repeat racing the first never runs it a second time.
  const print = fingerprint(req);
  const kept = await claimKey(deps.store, caller.token.id, key, print).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'idempotency_in_progress') res.set('Retry-After', '1');
    throw err;
  });
  if (kept) {
    res.set('Idempotent-Replayed', 'true');
    return sendJson(res, kept.status, kept.body);
  }
  let answer: unknown;
  try {
    answer = await run();
  } catch (err) {
    // Refused or failed: nothing is kept, so the client may repeat the write with the same key.
    await deps.store
      .releaseIdempotencyKey(caller.token.id, key)
      .catch((e: unknown) => deps.log.warn({ err: e }, 'could not release a key'));
    throw err;
  }
  const at = new Date().toISOString();
  await deps.store.finishIdempotencyKey({
    tokenId: caller.token.id,
    key,
    fingerprint: print,
    status: r.status,
    body: answer ?? null,
    createdAt: at,
  });
  sendJson(res, r.status, answer);
}

/** The REST API v1: bearer tokens, problem details, the OpenAPI document at /openapi.json. */
export function apiV1(deps: ApiDeps, limits: LimitSettings): Router {
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
