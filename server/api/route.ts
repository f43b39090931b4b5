import type * as v from 'valibot';
import type { ApiScope } from '../store/types';
import type { SocketDeps } from '../socket/types';
import type { ApiCaller } from './auth';

/** What a route's handler gets: its validated input, the caller, and the server's parts. */
export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  caller: ApiCaller;
  deps: SocketDeps;
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
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express syntax (`/conversations/:id`), relative to /api/v1. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  scope: ApiScope;
  params?: P;
  query?: Q;
  body?: B;
  /** The answer's status and body schema. */
  status: number;
  response: Schema;
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

/** Declares a route with its handler's input types inferred from its schemas. */
export function route<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  r: ApiRoute<P, Q, B>,
): ApiRoute {
  return r;
}
