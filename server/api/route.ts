import type * as v from 'valibot';
import type { AgentActionDeps } from '../domain/agent-actions';
import type { Limiters } from '../limits';
import type { ApiScope } from '../store/types';
import type { WebhookSettings } from '../webhooks/settings';
import type { ApiCaller } from './auth';

/** The server's parts the REST API uses: what agents' actions need, and its own limits and settings. */
export interface ApiDeps extends AgentActionDeps {
  limiters: Limiters;
  /** The relay's public origin (PUBLIC_URL), for the document's server URL. */
  publicUrl: string | null;
  /** Webhook limits and rules: endpoint URLs are checked with them. */
  webhooks: WebhookSettings;
}

/** What a route's handler gets: its validated input, the caller, and the server's parts. */
export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: ApiCaller;
  deps: ApiDeps;
  /** The write's Idempotency-Key, when the client sent one. */
  idempotencyKey: string | null;
}

type Schema = v.GenericSchema;
type Out<S> = S extends Schema ? v.InferOutput<S> : undefined;

/** One REST route: the router serves it and the OpenAPI document describes it, from this one entry. */
export interface ApiRoute<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express syntax (`/conversations/:id`), relative to /api/v1. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  scope: ApiScope;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer's status and body schema; none for 204 No Content. */
  status: number;
  response?: Schema;
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

/** Declares a route with its handler's input types inferred from its schemas. */
export function route<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  r: ApiRoute<P, Q, B>,
): ApiRoute {
  return r;
}
