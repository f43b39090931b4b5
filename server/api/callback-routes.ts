import { callbackOf, changeCallback } from '../domain/agent-actions';
import { recordOutcome, rescheduleCallback } from '../domain/callbacks';
import { callbackResource } from '../resources/resources';
import { callback } from '../resources/schemas';
import { callbackListQuery, outcomeBody, rescheduleBody } from './callback-feedback-schemas';
import { decodeCursor, isChangeKey, limitOf, pageOf } from './pagination';
import { route, type ApiRoute } from './route';
import { idParam, listOf } from './schemas';

/** Call back requests (list, get, outcome, reschedule) of /api/v1; changes are told to consoles and the visitor as the console's are. */
export const CALLBACK_ROUTES: ApiRoute[] = [
  route({
    method: 'get',
    path: '/callbacks',
    operationId: 'listCallbacks',
    summary: 'List call back requests, most recently changed first',
    tag: 'Callbacks',
    scope: 'read',
    query: callbackListQuery,
    status: 200,
    response: listOf(callback),
    async handler({ query, deps }) {
      const limit = limitOf(query);
      const after = decodeCursor(query.cursor, isChangeKey);
      const rows = await deps.store.pageCallbacks({
        siteId: query.site,
        status: query.status,
        updatedSince: query.updated_since && new Date(query.updated_since).toISOString(),
        before: after && { updatedAt: new Date(after.u).toISOString(), id: after.i },
        limit: limit + 1,
      });
      return pageOf(rows, limit, (c) => ({ u: c.updatedAt, i: c.id }), callbackResource);
    },
  }),
  route({
    method: 'get',
    path: '/callbacks/:id',
    operationId: 'getCallback',
    summary: 'Get a call back request',
    tag: 'Callbacks',
    scope: 'read',
    params: idParam,
    status: 200,
    response: callback,
    async handler({ params, deps }) {
      return callbackResource(await callbackOf(deps.store, params.id));
    },
  }),
  route({
    method: 'post',
    path: '/callbacks/:id/outcome',
    operationId: 'recordCallbackOutcome',
    summary: 'Record how a call went (reached, no answer, wrong number, cancelled), as an agent in the console does',
    tag: 'Callbacks',
    scope: 'write',
    params: idParam,
    body: outcomeBody,
    status: 200,
    response: callback,
    async handler({ params, body, caller, deps }) {
      return callbackResource(
        await changeCallback(deps, params.id, (c) => recordOutcome(deps.store, caller.agent, c, body.outcome, body.note?.trim() || null)),
      );
    },
  }),
  route({
    method: 'post',
    path: '/callbacks/:id/reschedule',
    operationId: 'rescheduleCallback',
    summary: 'Move a call back request to a new time within 60 days; it opens again if it was closed',
    tag: 'Callbacks',
    scope: 'write',
    params: idParam,
    body: rescheduleBody,
    status: 200,
    response: callback,
    async handler({ params, body, caller, deps }) {
      return callbackResource(
        await changeCallback(deps, params.id, (c) =>
          rescheduleCallback(deps.store, caller.agent, c, body.due_at, body.note?.trim() || null),
        ),
      );
    },
  }),
];
