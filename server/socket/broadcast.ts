import type { ConversationSummary, VisitorConversation } from '../../protocol/types';
import { friendlyName } from '../domain/friendly-name';
import { contactOf, toProfile } from '../domain/visitors';
import type { AppendResult, ConversationRow, SiteRow, VisitorRow } from '../store/types';
import type { LiveFanout } from '../domain/agent-actions';
import { announceCallback } from './callback-broadcast';
import { rooms, type FanoutDeps, type SocketDeps } from './types';

/** The visitor tab that sent a message: what it knows saves a query per message. */
export interface Sender {
  socketId: string;
  visitor: VisitorRow;
  site: SiteRow;
}

/**
 * Tells the visitor's tabs and every agent about a newly stored message. Agents get the
 * message with its conversation's fresh inbox row in one packet.
 */
export async function announceMessage(deps: FanoutDeps, result: AppendResult, sender?: Sender, agentName?: string): Promise<void> {
  const { message, conversation } = result;
  // The sending tab has the message from its ack already; its other tabs need the event.
  const visitorRoom = deps.visitors.to(rooms.visitor(conversation.visitorId));
  (sender ? visitorRoom.except(sender.socketId) : visitorRoom).emit('message:new', message);
  if (result.statusBefore !== conversation.status) announceStatusToVisitor(deps, conversation, agentName);
  // An assigned row names its agent: the store has the name.
  const row = sender && !conversation.assigneeId ? summaryAfterAppend(result, sender) : await deps.store.getSummary(conversation.id);
  if (row) deps.agents.to(rooms.agents).emit('message:new', message, row);
}

/** The inbox row after a visitor's message, from what the append returned. */
function summaryAfterAppend({ conversation: c, message: m }: AppendResult, { visitor, site }: Sender): ConversationSummary {
  return {
    id: c.id,
    siteId: c.siteId,
    siteName: site.name,
    visitorId: c.visitorId,
    visitorName: visitor.name ?? friendlyName(visitor.id),
    status: c.status,
    channel: c.channel,
    lastSeq: c.lastSeq,
    lastMessage: { text: m.text, author: m.author, createdAt: m.createdAt },
    unread: c.agentUnread,
    survey: c.survey,
    assignee: null,
    handoff: null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * Sends the fresh inbox row of a conversation to every agent. Never rejects: the change is
 * stored and answered already, so a failure to tell is logged, not thrown at the caller
 * (nor left unhandled by one that does not wait).
 */
export async function announceConversation(deps: FanoutDeps, conversationId: string): Promise<void> {
  try {
    const summary = await deps.store.getSummary(conversationId);
    if (summary) deps.agents.to(rooms.agents).emit('conversation:updated', summary);
  } catch (err) {
    deps.log.warn({ err, conversationId }, 'could not tell agents about a conversation');
  }
}

/** Lets the visitor's widget follow a status change (resolved, reopened). */
export function announceStatusToVisitor(deps: FanoutDeps, c: ConversationRow, agentName?: string | null): void {
  const view: VisitorConversation = { id: c.id, status: c.status, lastSeq: c.lastSeq, visitorReadSeq: c.visitorReadSeq };
  // Only when it changed with this status: absent, the widget keeps the name it has.
  if (agentName !== undefined) view.agentName = agentName;
  deps.visitors.to(rooms.visitor(c.visitorId)).emit('conversation:status', view);
}

/**
 * Tells every agent how much feedback is new now (after feedback arrives or changes status).
 * The change is done and answered already; a failed count leaves the consoles' old figure.
 */
export function announceNewFeedbackCount(deps: FanoutDeps): void {
  deps.store.countFeedback('new').then(
    (n) => void deps.agents.to(rooms.agents).emit('feedback:newCount', n),
    (err) => deps.log.warn({ err }, 'could not count new feedback'),
  );
}

/** Whether any tab of the visitor is connected, on any relay node. */
export function visitorOnline(deps: FanoutDeps, visitorId: string): Promise<boolean> {
  return deps.bus.presence.visitorOnline(visitorId);
}

/** Sends the visitor's current profile to every agent. Never rejects, like `announceConversation`. */
export async function announceVisitor(deps: SocketDeps, visitorId: string): Promise<void> {
  try {
    const visitor = await deps.store.getVisitor(visitorId);
    if (!visitor) return;
    const [online, contact] = await Promise.all([visitorOnline(deps, visitorId), contactOf(deps.store, visitor)]);
    deps.agents.to(rooms.agents).emit('visitor:updated', toProfile(visitor, online, deps.email.enabled, contact));
  } catch (err) {
    deps.log.warn({ err, visitorId }, 'could not tell agents about a visitor');
  }
}

/** The live fan-out the domain's agent actions call, through this node's rooms (the adapter reaches every node). */
export function socketFanout(deps: FanoutDeps): LiveFanout {
  return {
    message: (result, agentName) => announceMessage(deps, result, undefined, agentName),
    conversation: (id) => announceConversation(deps, id),
    conversationStatus: (c) => announceStatusToVisitor(deps, c),
    assignee: (c, agentName) => announceStatusToVisitor(deps, c, agentName),
    feedback(item) {
      deps.agents.to(rooms.agents).emit('feedback:updated', item);
      announceNewFeedbackCount(deps);
    },
    callback: (id) => announceCallback(deps, id),
    visitorOnline: (id) => visitorOnline(deps, id),
    disconnectVisitors: (ids) => ids.forEach((id) => deps.visitors.in(rooms.visitor(id)).disconnectSockets(true)),
    tags: (kind, id, tags) => deps.agents.to(rooms.agents).emit('tags:updated', { kind, id, tags }),
  };
}
