import type { AgentClientEvents } from '../../protocol/events';
import { feedbackStats, publicReply, toFeedbackItem } from '../domain/feedback';
import { found } from '../errors';
import type { Store } from '../store/types';
import { schemas } from '../validation';
import { postFeedbackReply } from '../domain/agent-actions';
import { announceNewFeedbackCount } from './broadcast';
import { handlerFor, type EventTable } from './handler';
import { rooms, type AgentSocket } from './types';

const on = handlerFor<AgentSocket>();

const feedback = async (store: Store, id: string) => found(await store.getFeedback(id), 'No such feedback.');

/** The feedback inbox of agent console sockets. */
export const agentFeedbackHandlers = {
  'server:status': on(schemas.empty, async (_, _socket, { email, publicUrl }) => ({ emailConfigured: email.enabled, publicUrl })),

  'feedback:list': on(schemas.feedbackList, async ({ limit, before, ...filter }, _socket, { store }) =>
    (await store.listFeedback(filter, limit ?? 500, before)).map(toFeedbackItem),
  ),

  'feedback:get': on(schemas.feedbackGet, async (p, _socket, { store }) => {
    const item = toFeedbackItem(await feedback(store, p.feedbackId));
    return { item, replies: (await store.listFeedbackReplies(item.id)).map(publicReply) };
  }),

  // One after another per tab, so a retry racing its first send finds it stored.
  'feedback:reply': on(schemas.feedbackReply, async (p, socket, deps) => postFeedbackReply(deps, socket.data.agent, p), { serial: true }),

  'feedback:setStatus': on(schemas.feedbackSetStatus, async (p, _socket, deps) => {
    await feedback(deps.store, p.feedbackId);
    const row = await deps.store.setFeedbackStatus(p.feedbackId, p.status, new Date().toISOString());
    const item = toFeedbackItem(row!);
    deps.agents.to(rooms.agents).emit('feedback:updated', item);
    announceNewFeedbackCount(deps);
    return item;
  }),

  'feedback:stats': on(schemas.empty, async (_, _socket, { store }) => feedbackStats(store)),

  'feedback:newCount': on(schemas.empty, async (_, _socket, { store }) => store.countFeedback('new')),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
