import * as v from 'valibot';
import { found } from '../errors';
import { visitorResource } from '../resources/resources';
import { time, visitor } from '../resources/schemas';
import { getRoute, listRoute, op, type ApiRoute } from './route';
import { id, page } from './schemas';

const visitorListQuery = v.strictObject({ ...page, site: v.optional(id), updated_since: v.optional(time) });

/** Visitors (list, get) of /api/v1: a conversation's `visitor_id` leads here. */
export const VISITOR_ROUTES: ApiRoute[] = [
  listRoute({
    ...op('get', '/visitors', 'listVisitors', 'Visitors'),
    summary: 'List visitors, most recently seen first',
    query: visitorListQuery,
    item: visitor,
    at: (r) => r.lastSeenAt,
    rows: (q, p, deps) =>
      deps.store.pageVisitors({
        siteId: q.site,
        seenSince: p.since,
        before: p.before && { lastSeenAt: p.before.at, id: p.before.id },
        limit: p.limit,
      }),
    view: visitorResource,
  }),
  getRoute({
    ...op('get', '/visitors/:id', 'getVisitor', 'Visitors'),
    summary: 'Get a visitor: the name and email they gave, where they are, how often they came',
    response: visitor,
    get: async (id, deps) => visitorResource(found(await deps.store.getVisitor(id), 'No such visitor.')),
  }),
];
