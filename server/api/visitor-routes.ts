import { found } from '../errors';
import { visitorResource } from '../resources/resources';
import { visitor } from '../resources/schemas';
import { route, type ApiRoute } from './route';
import { idParam } from './schemas';

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
    response: visitor,
    async handler({ params, deps }) {
      return visitorResource(found(await deps.store.getVisitor(params.id), 'No such visitor.'));
    },
  }),
];
