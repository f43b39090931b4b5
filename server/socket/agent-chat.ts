import type { ConversationDetail } from '../../protocol/types';
import { emailReplyIfAway } from '../domain/after-chat';
import { toAgent } from '../domain/agents';
import { agentConversation, messagesAfter, sendAgentMessage } from '../domain/chat';
import { toProfile } from '../domain/visitors';
import { AppError } from '../errors';
import { schemas } from '../validation';
import { announceConversation, announceMessage, announceStatusToVisitor, visitorOnline } from './broadcast';
import { createSerialQueue, handle, rejectUnknownEvents } from './handler';
import { rooms, type AgentSocket, type SocketDeps } from './types';

const HISTORY_LIMIT = 5000;

/** Chat events of one agent console socket. */
export function registerAgentChatHandlers(socket: AgentSocket, deps: SocketDeps): void {
  const { store, log } = deps;
  const serial = createSerialQueue();
  rejectUnknownEvents(socket);
  const agent = socket.data.agent;
  void socket.join(rooms.agents);

  socket.on('agent:me', handle(log, 'agent:me', schemas.empty, async () => toAgent(agent)));

  socket.on('conversation:list', handle(log, 'conversation:list', schemas.conversationList, async (p) =>
    store.listSummaries({ status: p.status ?? 'all', limit: p.limit ?? 200 }),
  ));

  socket.on('conversation:get', handle(log, 'conversation:get', schemas.conversationGet, async (p): Promise<ConversationDetail> => {
    const c = await agentConversation(store, p.conversationId);
    const [conversation, messages, visitor, history] = await Promise.all([
      store.getSummary(c.id),
      store.listMessages(c.id, 0, HISTORY_LIMIT),
      store.getVisitor(c.visitorId),
      store.listSummaries({ visitorId: c.visitorId, limit: 50 }),
    ]);
    if (!conversation || !visitor) throw new AppError('not_found', 'No such conversation.');
    return {
      conversation,
      messages,
      visitor: toProfile(visitor, await visitorOnline(deps, visitor.id)),
      history: history.filter((h) => h.id !== c.id),
    };
  }));

  socket.on('conversation:setStatus', handle(log, 'conversation:setStatus', schemas.setStatus, async (p) => {
    const before = await agentConversation(store, p.conversationId);
    const c = before.status === p.status ? before : await store.setConversationStatus(before.id, p.status, new Date().toISOString());
    if (before.status !== c.status) {
      announceStatusToVisitor(deps, c);
      await announceConversation(deps, c.id);
    }
    const summary = await store.getSummary(c.id);
    if (!summary) throw new AppError('not_found', 'No such conversation.');
    return summary;
  }));

  socket.on('conversation:read', handle(log, 'conversation:read', schemas.read, async (p) => {
    await agentConversation(store, p.conversationId);
    await store.setReadSeq(p.conversationId, 'agent', p.seq);
    await announceConversation(deps, p.conversationId);
    return null;
  }));

  socket.on('message:send', handle(log, 'message:send', schemas.agentSend, async (p) => {
    const result = await sendAgentMessage(store, agent, p);
    if (!result.created) return result.message;
    await announceMessage(deps, result);
    const online = await visitorOnline(deps, result.conversation.visitorId);
    await emailReplyIfAway(store, deps.email, result, online).catch((err) => log.error({ err }, 'could not queue the reply email'));
    return result.message;
  }, serial));

  socket.on('message:list', handle(log, 'message:list', schemas.list, async (p) =>
    messagesAfter(store, await agentConversation(store, p.conversationId), p.after),
  ));

  socket.on('typing:set', handle(log, 'typing:set', schemas.typing, async (p) => {
    const c = await agentConversation(store, p.conversationId);
    deps.visitors.to(rooms.visitor(c.visitorId)).volatile.emit('typing', { conversationId: c.id, from: 'agent', name: agent.name, typing: p.typing });
    socket.broadcast.to(rooms.agents).volatile.emit('typing', { conversationId: c.id, from: 'agent', name: agent.name, typing: p.typing });
    return null;
  }));
}
