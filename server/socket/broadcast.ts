import type { VisitorConversation } from '../../protocol/types';
import { toProfile } from '../domain/visitors';
import type { AppendResult, ConversationRow } from '../store/types';
import { rooms, type SocketDeps } from './types';

/** Tells the visitor's tabs and every agent about a newly stored message. */
export async function announceMessage(deps: SocketDeps, result: AppendResult, statusBefore?: string): Promise<void> {
  const { message, conversation } = result;
  deps.visitors.to(rooms.visitor(conversation.visitorId)).emit('message:new', message);
  deps.agents.to(rooms.agents).emit('message:new', message);
  if (statusBefore !== undefined && statusBefore !== conversation.status) announceStatusToVisitor(deps, conversation);
  await announceConversation(deps, conversation.id);
}

/** Sends the fresh inbox row of a conversation to every agent. */
export async function announceConversation(deps: SocketDeps, conversationId: string): Promise<void> {
  const summary = await deps.store.getSummary(conversationId);
  if (summary) deps.agents.to(rooms.agents).emit('conversation:updated', summary);
}

/** Lets the visitor's widget follow a status change (resolved, reopened). */
export function announceStatusToVisitor(deps: SocketDeps, c: ConversationRow): void {
  const view: VisitorConversation = { id: c.id, status: c.status, lastSeq: c.lastSeq, visitorReadSeq: c.visitorReadSeq };
  deps.visitors.to(rooms.visitor(c.visitorId)).emit('conversation:status', view);
}

/** Whether any tab of the visitor is connected, on any relay node. */
export async function visitorOnline(deps: SocketDeps, visitorId: string): Promise<boolean> {
  const sockets = await deps.visitors.in(rooms.visitor(visitorId)).fetchSockets();
  return sockets.length > 0;
}

/** Sends the visitor's current profile to every agent. */
export async function announceVisitor(deps: SocketDeps, visitorId: string): Promise<void> {
  const visitor = await deps.store.getVisitor(visitorId);
  if (!visitor) return;
  deps.agents.to(rooms.agents).emit('visitor:updated', toProfile(visitor, await visitorOnline(deps, visitorId)));
}
