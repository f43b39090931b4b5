import * as v from 'valibot';
import { found } from '../errors';
import type { VisitorRow } from '../store/types';
import { route, type ApiRoute } from './route';
import { idParam, time } from './schemas';

/** A visitor as the API shows it: never the token their widget holds. */
export const visitorSchema = v.object({
  id: v.string(),
  site_id: v.string(),
  name: v.nullable(v.string()),
  email: v.nullable(v.string()),
  phone: v.nullable(v.string()),
  /** The contact (person) this browser belongs to: every browser of that person shares it. */
  contact_id: v.nullable(v.string()),
  page_url: v.nullable(v.string()),
  page_title: v.nullable(v.string()),
  language: v.nullable(v.string()),
  timezone: v.nullable(v.string()),
  visits: v.pipe(v.number(), v.integer()),
  first_seen_at: time,
  last_seen_at: time,
});

/** A visitor as the API shows it. */
export function visitorResource(r: VisitorRow): v.InferOutput<typeof visitorSchema> {
  return {
    id: r.id,
    site_id: r.siteId,
    name: r.name,
    email: r.email,
    phone: r.phone,
    contact_id: r.contactId,
    page_url: r.pageUrl,
    page_title: r.pageTitle,
    language: r.language,
    timezone: r.timezone,
    visits: r.visits,
    first_seen_at: r.firstSeenAt,
    last_seen_at: r.lastSeenAt,
  };
}

/** Visitors (get) of /api/v1: a conversation's `visitor_id` leads here. */
export const VISITOR_ROUTES: ApiRoute[] = [
  route({
    method: 'get',
    path: '/visitors/:id',
    operationId: 'getVisitor',
    summary: 'Get a visitor: the name and email they gave, where they are, how often they came',
    tag: 'Visitors',
    scope: 'read',
    params: idParam,
    status: 200,
    response: visitorSchema,
    async handler({ params, deps }) {
      return visitorResource(found(await deps.store.getVisitor(params.id), 'No such visitor.'));
    },
  }),
];
