import type * as v from 'valibot';
import type { TaggedKind } from '../../protocol/types';
import type { AgentActionDeps } from '../domain/agent-actions';
import { tagLookup } from '../domain/tags';
import type { Limiters } from '../limits';
import type { ApiScope, TimePage } from '../store/types';
import type { WebhookSettings } from '../webhooks/settings';
import type { ApiCaller } from './auth';
import { decodeCursor, isChangeKey, limitOf, pageOf } from './pagination';
import { idParam, listOf } from './schemas';

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
  /** The answer's status and body schema; none for 204 No Content. */
  status: number;
  response?: Schema;
  /** The answer as an HTML page, served instead of JSON for `?format=html`. */
  html?(answer: unknown): string;
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<unknown>;
}

/** Declares a route with its handler's input types inferred from its schemas. */
export function route<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  r: ApiRoute<P, Q, B>,
): ApiRoute {
  return r;
}

type Named = Pick<ApiRoute, 'method' | 'path' | 'operationId' | 'tag' | 'scope'>;
/** A path with an `:id` takes it as its one path parameter. */
type IdParams<Path extends string> = Path extends `${string}/:id${string}` ? { params: typeof idParam } : unknown;

/**
 * What names a route: its method, path (Express syntax), operationId, tag and scope (read for a GET unless given); a
 * path with `:id` validates it with `idParam`.
 */
export function op<Path extends string>(
  method: ApiRoute['method'],
  path: Path,
  operationId: string,
  tag: string,
  scope?: ApiScope,
): Named & IdParams<Path> {
  const name: Named = { method, path, operationId, tag, scope: scope ?? (method === 'get' ? 'read' : 'write') };
  return (path.includes('/:id') ? { ...name, params: idParam } : name) as Named & IdParams<Path>;
}

/** A route's success: its status and body schema (none for 204). */
export const answers = (status: number, response?: Schema) => ({ status, response });

type PageQuery = { cursor?: string; limit?: string; updated_since?: string };

/**
 * A list, newest first by a time and the id: ?cursor= and ?limit= (and `updated_since`) are done here, `rows` applies
 * the filters and reads one row more than the page, which only tells that there is a next one.
 */
export function listRoute<Q extends v.GenericSchema<unknown, PageQuery>, R extends { id: string }>(
  r: Named & {
    summary: string;
    query: Q;
    item: Schema;
    /** The time the list is ordered by. */
    at(row: R): string;
    rows(query: v.InferOutput<Q>, page: TimePage, deps: ApiDeps): Promise<R[]>;
    /** Items of this kind have tags: each row's are read and handed to `view`. */
    tagged?: TaggedKind;
    view(row: R, tags: string[]): unknown;
  },
): ApiRoute {
  const { query, item, at, rows, tagged, view, ...name } = r;
  return route({
    ...name,
    query,
    ...answers(200, listOf(item)),
    async handler({ query: q, deps }) {
      const { cursor, updated_since } = q as PageQuery;
      const limit = limitOf(q);
      const after = decodeCursor(cursor, isChangeKey);
      const page: TimePage = {
        before: after && { at: new Date(after.u).toISOString(), id: after.i },
        since: updated_since && new Date(updated_since).toISOString(),
        limit: limit + 1,
      };
      const found = await rows(q, page, deps);
      const tags = tagged ? await tagLookup(deps.store, tagged, found.slice(0, limit)) : () => [];
      return pageOf(
        found,
        limit,
        (x) => ({ u: at(x), i: x.id }),
        (x) => view(x, tags(x.id)),
      );
    },
  });
}

/** One resource by its id. */
export function getRoute(r: Named & { summary: string; response: Schema; get(id: string, deps: ApiDeps): Promise<unknown> }) {
  const { get, response, ...name } = r;
  return route({ ...name, params: idParam, ...answers(200, response), handler: ({ params, deps }) => get(params.id, deps) });
}
