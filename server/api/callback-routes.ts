import { callbackOf, changeCallback } from '../domain/agent-actions';
import { recordOutcome, rescheduleCallback } from '../domain/callbacks';
import { tagsOfOne } from '../domain/tags';
import { callbackResource } from '../resources/resources';
import { callback } from '../resources/schemas';
import type * as v from 'valibot';
import type { AgentRow, CallbackWithVisitor, Store } from '../store/types';
import { callbackListQuery, outcomeBody, rescheduleBody } from './callback-feedback-schemas';
import { answers, getRoute, listRoute, op, route, type ApiRoute } from './route';

/** An agent's change to a request (`/callbacks/{id}/<what>`), told to consoles and the visitor as the console's are. */
function callbackChange<B extends v.GenericSchema<unknown, { note?: string }>>(
  what: string,
  operationId: string,
  summary: string,
  body: B,
  change: (store: Store, agent: AgentRow, c: CallbackWithVisitor, body: v.InferOutput<B>, note: string | null) => Promise<void>,
): ApiRoute {
  return route({
    ...op('post', `/callbacks/:id/${what}`, operationId, 'Callbacks'),
    summary,
    body,
    ...answers(200, callback),
    async handler({ params, body: b, caller, deps }) {
      const note = b.note?.trim() || null;
      const c = await changeCallback(deps, params.id, (c) => change(deps.store, caller.agent, c, b, note));
      return callbackResource(c, await tagsOfOne(deps.store, 'callback', c.id));
    },
  });
}

/** Call back requests (list, get, outcome, reschedule) of /api/v1; changes are told to consoles and the visitor as the console's are. */
export const CALLBACK_ROUTES: ApiRoute[] = [
  listRoute({
    rows: (q, p, deps) => deps.store.pageCallbacks({ ...p, siteId: q.site, status: q.status, tag: q.tag }),
    ...op('get', '/callbacks', 'listCallbacks', 'Callbacks'),
    summary: 'List call back requests, most recently changed first',
    query: callbackListQuery,
    item: callback,
    at: (c) => c.updatedAt,
    tagged: 'callback',
    view: callbackResource,
  }),
  getRoute({
    ...op('get', '/callbacks/:id', 'getCallback', 'Callbacks'),
    summary: 'Get a call back request',
    response: callback,
    get: async (id, deps) => callbackResource(await callbackOf(deps.store, id), await tagsOfOne(deps.store, 'callback', id)),
  }),
  callbackChange(
    'outcome',
    'recordCallbackOutcome',
    'Record how a call went (reached, no answer, wrong number, cancelled), as an agent in the console does',
    outcomeBody,
    (store, agent, c, b, note) => recordOutcome(store, agent, c, b.outcome, note),
  ),
  callbackChange(
    'reschedule',
    'rescheduleCallback',
    'Move a call back request to a new time within 60 days; it opens again if it was closed',
    rescheduleBody,
    (store, agent, c, b, note) => rescheduleCallback(store, agent, c, b.due_at, note),
  ),
];
