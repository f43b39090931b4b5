import { toCallbackItem, toVisitorCallback } from '../domain/callbacks';
import { found } from '../errors';
import { rooms, type FanoutDeps } from './types';

/** Sends a request's new state to every agent and to the visitor's tabs. */
export async function announceCallback(deps: FanoutDeps, callbackId: string) {
  // Gone between the change and now (its site was deleted): a clear answer, not an internal error.
  const c = found(await deps.store.getCallback(callbackId), 'This call back request no longer exists.');
  const item = toCallbackItem(c);
  deps.agents.to(rooms.agents).emit('callback:updated', item);
  if (c.visitorId) deps.visitors.to(rooms.visitor(c.visitorId)).emit('callback:updated', toVisitorCallback(c));
  return item;
}
