import type { AgentClientEvents } from '../../protocol/events';
import { isOpenCallback, recordOutcome, rescheduleCallback, toCallbackItem } from '../domain/callbacks';
import { AppError, found } from '../errors';
import type { Store } from '../store/types';
import { schemas } from '../validation';
import { announceCallback } from './callback-broadcast';
import { handlerFor, type EventTable } from './handler';
import type { AgentSocket } from './types';

const on = handlerFor<AgentSocket>();

const callback = async (store: Store, id: string) => found(await store.getCallback(id), 'No such call back request.');

/** The callback queue of agent console sockets. */
export const agentCallbackHandlers = {
  'callback:list': on(schemas.callbackList, async (p, _socket, { store }) =>
    (await store.listCallbacks(p.status !== 'all', 500, p.siteId, p.tag)).map(toCallbackItem),
  ),

  'callback:get': on(schemas.callbackId, async (p, _socket, deps) => {
    const c = await callback(deps.store, p.callbackId);
    return {
      item: toCallbackItem(c),
      attempts: await deps.store.listCallbackAttempts(c.id),
      conversations: c.visitorId ? await deps.store.listSummaries({ visitorId: c.visitorId, limit: 20 }) : [],
    };
  }),

  // Two agents must not both dial: a claim takes a request nobody else has, or is refused.
  'callback:claim': on(schemas.callbackClaim, async (p, socket, deps) => {
    const c = await callback(deps.store, p.callbackId);
    const { id, name } = socket.data.agent;
    if (!(await deps.store.claimCallback(c.id, { id, name }, p.takeOverFrom ?? null, new Date().toISOString()))) {
      const now = await callback(deps.store, c.id);
      if (!isOpenCallback(now)) throw new AppError('invalid_payload', 'This request is closed; reschedule it to open it again.');
      throw new AppError(
        'already_claimed',
        `${now.claimedBy?.name ?? 'Another agent'} has claimed this request. Take it over only if you agreed.`,
      );
    }
    return announceCallback(deps, c.id);
  }),

  'callback:outcome': on(schemas.callbackOutcome, async (p, socket, deps) => {
    await recordOutcome(deps.store, socket.data.agent, await callback(deps.store, p.callbackId), p.outcome, p.note ?? null, p.id);
    return announceCallback(deps, p.callbackId);
  }),

  'callback:reschedule': on(schemas.callbackReschedule, async (p, socket, deps) => {
    await rescheduleCallback(deps.store, socket.data.agent, await callback(deps.store, p.callbackId), p.dueAt, p.note ?? null, p.id);
    return announceCallback(deps, p.callbackId);
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
