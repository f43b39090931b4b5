import { feedbackStats, replyToFeedback, toFeedbackItem } from '../domain/feedback';
import { AppError } from '../errors';
import { schemas } from '../validation';
import { handle } from './handler';
import { rooms, type AgentSocket, type SocketDeps } from './types';

/** The feedback inbox of one agent console socket. */
export function registerAgentFeedbackHandlers(socket: AgentSocket, deps: SocketDeps): void {
  const { store, log, email } = deps;
  const agent = socket.data.agent;
  const found = async (id: string) => {
    const f = await store.getFeedback(id);
    if (!f) throw new AppError('not_found', 'No such feedback.');
    return f;
  };

  socket.on('server:status', handle(log, 'server:status', schemas.empty, async () => ({ emailConfigured: email.enabled })));

  socket.on('feedback:list', handle(log, 'feedback:list', schemas.feedbackList, async (filter) =>
    (await store.listFeedback(filter, 500)).map(toFeedbackItem),
  ));

  socket.on('feedback:get', handle(log, 'feedback:get', schemas.feedbackGet, async (p) => {
    const item = toFeedbackItem(await found(p.feedbackId));
    return { item, replies: await store.listFeedbackReplies(item.id) };
  }));

  socket.on('feedback:reply', handle(log, 'feedback:reply', schemas.feedbackReply, async (p) => {
    const { reply, item } = await replyToFeedback(store, email, agent, p.feedbackId, p.text);
    deps.agents.to(rooms.agents).emit('feedback:updated', item);
    return reply;
  }));

  socket.on('feedback:setStatus', handle(log, 'feedback:setStatus', schemas.feedbackSetStatus, async (p) => {
    await found(p.feedbackId);
    const row = await store.setFeedbackStatus(p.feedbackId, p.status, new Date().toISOString());
    const item = toFeedbackItem(row!);
    deps.agents.to(rooms.agents).emit('feedback:updated', item);
    return item;
  }));

  socket.on('feedback:stats', handle(log, 'feedback:stats', schemas.empty, async () => feedbackStats(store)));
}
