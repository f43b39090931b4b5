import { recordOutcome, rescheduleCallback } from '../domain/callbacks';
import { AppError, found } from '../errors';
import { announceCallback } from '../socket/callback-broadcast';
import type { SocketDeps } from '../socket/types';
import type { CallbackWithVisitor, Store } from '../store/types';
import { callback, callbackListQuery, outcomeBody, rescheduleBody } from './callback-feedback-schemas';
import { decodeCursor, isChangeKey, limitOf } from './pagination';
import { callbackResource } from './resources';
import { route, type ApiRoute } from './route';
import { taggedPage, tagsOfOne } from './tag-routes';
import { idParam, listOf } from './schemas';

const callbackOf = async (store: Store, id: string) => found(await store.getCallback(id), 'No such call back request.');

/**
 * Applies an agent's change to a request, tells the consoles and the visitor as the console's changes do, and answers the
 * request as it is now.
 */
async function changeCallback(deps: SocketDeps, id: string, change: (c: CallbackWithVisitor) => Promise<void>) {
  await change(await callbackOf(deps.store, id));
  await announceCallback(deps, id);
  return callbackResource(await callbackOf(deps.store, id), await tagsOfOne(deps.store, 'callback', id));
}

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
        tag: query.tag,
        limit: limit + 1,
      });
      return taggedPage(deps.store, 'callback', { rows, limit, key: (c) => ({ u: c.updatedAt, i: c.id }) }, callbackResource);
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
      return callbackResource(await callbackOf(deps.store, params.id), await tagsOfOne(deps.store, 'callback', params.id));
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
      return changeCallback(deps, params.id, (c) => recordOutcome(deps.store, caller.agent, c, body.outcome, body.note?.trim() || null));
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
      return changeCallback(deps, params.id, async (c) => {
        try {
          await rescheduleCallback(deps.store, caller.agent, c, body.due_at, body.note?.trim() || null);
        } catch (err) {
          // The domain names the console's field; the API's is due_at.
          if (err instanceof AppError && err.field === 'dueAt') throw new AppError(err.code, err.message, 'due_at');
          throw err;
        }
      });
    },
  }),
];
