import { found } from '../errors';
import { visitorResource } from '../resources/resources';
import { time, visitor } from '../resources/schemas';
import * as v from 'valibot';
import { decodeCursor, isChangeKey, limitOf, pageOf } from './pagination';
import { route, type ApiRoute } from './route';
import { id, idParam, listOf, page } from './schemas';

const visitorListQuery = v.strictObject({ ...page, site: v.optional(id), updated_since: v.optional(time) });

/** Visitors (list, get) of /api/v1: a conversation's `visitor_id` leads here. */
export const VISITOR_ROUTES: ApiRoute[] = [
  route({
    method: 'get',
    path: '/visitors',
    operationId: 'listVisitors',
    summary: 'List visitors, most recently seen first',
    tag: 'Visitors',
    scope: 'read',
    query: visitorListQuery,
    status: 200,
    response: listOf(visitor),
    async handler({ query, deps }) {
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isChangeKey);
      const rows = await deps.store.pageVisitors({
        siteId: query.site,
        seenSince: query.updated_since && new Date(query.updated_since).toISOString(),
        before: after && { lastSeenAt: new Date(after.u).toISOString(), id: after.i },
        limit: limit + 1,
      });
      return pageOf(rows, limit, (r) => ({ u: r.lastSeenAt, i: r.id }), visitorResource);
    },
  }),
  route({
    method: 'get',
    path: '/visitors/:id',
    operationId: 'getVisitor',
    summary: 'Get a visitor: the name and email they gave, where they are, how often they came',
    tag: 'Visitors',
    scope: 'read',
    params: idParam,
    status: 200,
    response: visitor,
    async handler({ params, deps }) {
      return visitorResource(found(await deps.store.getVisitor(params.id), 'No such visitor.'));
    },
  }),
];
