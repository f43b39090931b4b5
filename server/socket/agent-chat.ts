import type { AgentClientEvents } from '../../protocol/events';
import type { ConversationDetail } from '../../protocol/types';
import { toAgent } from '../domain/agents';
import { agentConversation, messagesAfter } from '../domain/chat';
import { contactOf, toProfile } from '../domain/visitors';
import { AppError } from '../errors';
import { schemas } from '../validation';
import { changeConversationStatus, postAgentReply } from '../domain/agent-actions';
import { postAgentNote } from './agent-notes';
import { announceConversation, visitorOnline } from './broadcast';
import { handlerFor, type EventTable } from './handler';
import { rooms, type AgentSocket } from './types';

const HISTORY_LIMIT = 5000;
const on = handlerFor<AgentSocket>();

/** Chat events of agent console sockets. */
export const agentChatHandlers = {
  'agent:me': on(schemas.empty, async (_, socket) => toAgent(socket.data.agent)),

  'conversation:list': on(schemas.conversationList, async (p, _socket, { store }) =>
    store.listSummaries({ status: p.status ?? 'all', siteId: p.siteId, before: p.before, tag: p.tag, limit: p.limit ?? 200 }),
  ),

  'conversation:get': on(schemas.conversationGet, async (p, _socket, deps): Promise<ConversationDetail> => {
    const { store } = deps;
    const c = await agentConversation(store, p.conversationId);
    const [conversation, messages, visitor] = await Promise.all([
      store.getSummary(c.id),
      store.listMessages(c.id, 0, HISTORY_LIMIT, true),
      store.getVisitor(c.visitorId),
    ]);
    if (!conversation || !visitor) throw new AppError('not_found', 'No such conversation.');
    // A person's other conversations include those from their other browsers.
    const mine = visitor.contactId ? { contactId: visitor.contactId } : { visitorId: visitor.id };
    const [history, online, contact] = await Promise.all([
      store.listSummaries({ ...mine, limit: 50 }),
      visitorOnline(deps, visitor.id),
      contactOf(store, visitor),
    ]);
    return {
      conversation,
      messages,
      visitor: toProfile(visitor, online, deps.email.enabled, contact),
      history: history.filter((h) => h.id !== c.id),
    };
  }),

  'conversation:setStatus': on(schemas.setStatus, async (p, _socket, deps) => changeConversationStatus(deps, p.conversationId, p.status)),

  'conversation:read': on(schemas.read, async (p, _socket, deps) => {
    await agentConversation(deps.store, p.conversationId);
    await deps.store.setReadSeq(p.conversationId, 'agent', p.seq);
    await announceConversation(deps, p.conversationId);
    return null;
  }),

  'message:send': on(schemas.agentSend, async (p, socket, deps) => (p.note ? postAgentNote : postAgentReply)(deps, socket.data.agent, p), {
    serial: true,
  }),

  'message:list': on(schemas.list, async (p, _socket, { store }) =>
    messagesAfter(store, await agentConversation(store, p.conversationId), p.after, true),
  ),

  'typing:set': on(schemas.typing, async (p, socket, deps) => {
    const c = await agentConversation(deps.store, p.conversationId);
    const typing = { conversationId: c.id, from: 'agent' as const, name: socket.data.agent.name, typing: p.typing };
    deps.visitors.to(rooms.visitor(c.visitorId)).volatile.emit('typing', typing);
    socket.broadcast.to(rooms.agents).volatile.emit('typing', { ...typing, agentId: socket.data.agent.id });
    return null;
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
