import { toCallbackItem, toVisitorCallback } from '../domain/callbacks';
import { rooms, type SocketDeps } from './types';

/** Sends a request's new state to every agent and to the visitor's tabs. */
export async function announceCallback(deps: SocketDeps, callbackId: string) {
  const c = await deps.store.getCallback(callbackId);
  if (!c) throw new Error(`callback ${callbackId} vanished`);
  const item = toCallbackItem(c);
  deps.agents.to(rooms.agents).emit('callback:updated', item);
  if (c.visitorId) deps.visitors.to(rooms.visitor(c.visitorId)).emit('callback:updated', toVisitorCallback(c));
  return item;
}
