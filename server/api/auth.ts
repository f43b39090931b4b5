import type { RequestHandler, Response } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { authenticateApiToken } from '../domain/api/tokens';
import { AppError } from '../errors';
import type { LimitSettings, Limiters } from '../limits';
import type { AgentRow, ApiTokenRow, Store } from '../store/types';

/** Who a request is: its token and the admin the token acts as. */
export interface ApiCaller {
  token: ApiTokenRow;
  agent: AgentRow;
}

/** The caller of an authenticated request. */
export const callerOf = (res: Response) => res.locals.apiCaller as ApiCaller;

/** Query parameters that would carry a token: refused, since URLs end up in logs and browser history. */
const TOKEN_PARAMS = ['access_token', 'token', 'api_key', 'apikey', 'key'];

/**
 * `Authorization: Bearer es_live_…`, then one point of the token's rate limit, told in the
 * RateLimit-Policy / RateLimit headers (draft-ietf-httpapi-ratelimit-headers) and, when spent,
 * a 429 with Retry-After. The limiter is the shared one (Redis in a cluster), so the limit holds
 * across nodes.
 */
export function bearerAuth(store: Store, limiters: Limiters, limit: LimitSettings['apiRequests']): RequestHandler {
  return async (req, res, next) => {
    const inQuery = TOKEN_PARAMS.find((p) => p in (req.query as Record<string, unknown>));
    if (inQuery)
      throw new AppError('bad_token', 'Send the API token in the Authorization header, never in the URL (URLs are logged).', inQuery);
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      res.set('WWW-Authenticate', 'Bearer realm="earshot"');
      throw new AppError('unauthorized', 'Send an API token as Authorization: Bearer es_live_…', 'Authorization');
    }
    let caller: ApiCaller;
    try {
      caller = await authenticateApiToken(store, match[1]!);
    } catch (err) {
      res.set('WWW-Authenticate', 'Bearer realm="earshot", error="invalid_token"');
      throw err;
    }
    res.set('RateLimit-Policy', `"token";q=${limit.points};w=${limit.duration}`);
    try {
      const r = await limiters.apiRequests.consume(caller.token.id);
      res.set('RateLimit', `"token";r=${r.remainingPoints};t=${Math.ceil(r.msBeforeNext / 1000)}`);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      res.set('RateLimit', `"token";r=0;t=${seconds}`);
      res.set('Retry-After', String(seconds));
      throw new AppError('rate_limited', `Too many requests with this token. Try again in ${seconds} s.`);
    }
    res.locals.apiCaller = caller;
    next();
  };
}
