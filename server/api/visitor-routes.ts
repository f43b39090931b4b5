import * as v from 'valibot';
import { found } from '../errors';
import { visitorResource } from '../resources/resources';
import { time, visitor } from '../resources/schemas';
import { getRoute, listRoute, op, type ApiRoute } from './route';
import { id, page } from './schemas';

const visitorListQuery = v.strictObject({ ...page, site: v.optional(id), updated_since: v.optional(time) });

/** Visitors (list, get) of /api/v1: a conversation's `visitor_id` leads here. */
export const VISITOR_ROUTES: ApiRoute[] = [
  getRoute({
    ...op('get', '/visitors/:id', 'getVisitor', 'Visitors'),
    summary: 'Get a visitor: the name and email they gave, where they are, how often they came',
    response: visitor,
    get: async (id, deps) => visitorResource(found(await deps.store.getVisitor(id), 'No such visitor.')),
  }),
  listRoute({
    rows: (q, p, deps) => deps.store.pageVisitors({ ...p, siteId: q.site }),
    at: (r) => r.lastSeenAt,
    ...op('get', '/visitors', 'listVisitors', 'Visitors'),
    summary: 'List visitors, most recently seen first',
    query: visitorListQuery,
    item: visitor,
    view: visitorResource,
  }),
];
