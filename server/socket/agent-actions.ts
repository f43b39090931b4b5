import type { ConversationStatus, ConversationSummary, FeedbackReply, Message } from '../../protocol/types';
import { emailReplyIfAway } from '../domain/after-chat';
import { agentConversation, sendAgentMessage } from '../domain/chat';
import { replyToFeedback } from '../domain/feedback';
import { mentionedAgents } from '../domain/notes';
import { emitConversation } from '../domain/webhooks/events';
import { found } from '../errors';
import type { AgentRow } from '../store/types';
import { announceConversation, announceMessage, announceNewFeedbackCount, announceStatusToVisitor, visitorOnline } from './broadcast';
import { rooms, type SocketDeps } from './types';

// What agents do to conversations and feedback, from the console's socket or the REST API alike: one way to do
// each, so both tell the visitor and every console the same.

/**
 * An agent's reply from anywhere (the console's socket, the REST API): stored, then sent to the
 * visitor's tabs and every console through the rooms, and emailed when the visitor is away.
 */
export async function postAgentReply(
  deps: SocketDeps,
  agent: AgentRow,
  p: { id: string; conversationId: string; text: string },
): Promise<Message> {
  const result = await sendAgentMessage(deps.store, agent, p);
  if (result.created) await announceMessage(deps, result);
  // A retry too (the email is keyed by the message): one a crash after storing it left unqueued goes out.
  const online = await visitorOnline(deps, result.conversation.visitorId);
  await emailReplyIfAway(deps.store, deps.email, result, online).catch((err) => deps.log.error({ err }, 'could not queue the reply email'));
  return result.message;
}

/**
 * An agent's internal note: stored, then sent to consoles only (never a visitor's room, email or webhook);
 * each agent it mentions by `@name` gets `note:mention` on their own sockets.
 */
export async function postAgentNote(
  deps: SocketDeps,
  agent: AgentRow,
  p: { id: string; conversationId: string; text: string },
): Promise<Message> {
  const result = await sendAgentMessage(deps.store, agent, { ...p, note: true });
  if (!result.created) return result.message;
  const row = await deps.store.getSummary(result.conversation.id);
  if (row) deps.agents.to(rooms.agents).emit('message:new', result.message, row);
  const mention = { conversationId: result.conversation.id, messageId: result.message.id, from: agent.name, text: result.message.text };
  for (const a of mentionedAgents(p.text, await deps.store.listAgents(), agent.id))
    deps.agents.to(rooms.agent(a.id)).emit('note:mention', mention);
  return result.message;
}

/** Sets a conversation's status (resolve, reopen); a change is told to the visitor's widget and every console. */
export async function changeConversationStatus(
  deps: SocketDeps,
  conversationId: string,
  status: ConversationStatus,
): Promise<ConversationSummary> {
  const { store } = deps;
  const before = await agentConversation(store, conversationId);
  const c = before.status === status ? before : await store.setConversationStatus(before.id, status, new Date().toISOString());
  if (before.status !== c.status) {
    if (c.status === 'resolved') await emitConversation(store, 'conversation.resolved', c, c.updatedAt);
    announceStatusToVisitor(deps, c);
    await announceConversation(deps, c.id);
  }
  return found(await store.getSummary(c.id), 'No such conversation.');
}

/** Answers feedback by email; a new reply is shown in every console with the item's new status and count. */
export async function postFeedbackReply(
  deps: SocketDeps,
  agent: AgentRow,
  p: { id?: string; feedbackId: string; text: string },
): Promise<FeedbackReply> {
  const { reply, item, created } = await replyToFeedback(deps.store, deps.email, agent, p.feedbackId, p.text, p.id);
  if (!created) return reply;
  deps.agents.to(rooms.agents).emit('feedback:updated', item);
  announceNewFeedbackCount(deps);
  return reply;
}
