import { emailOfflineMessage, recordSurvey, sendTranscript } from '../domain/after-chat';
import { sendVisitorMessage, visitorConversation } from '../domain/chat';
import { friendlyName } from '../domain/friendly-name';
import { AppError } from '../errors';
import { consume } from '../limits';
import { schemas } from '../validation';
import { announceConversation, announceMessage, announceVisitor, announceStatusToVisitor } from './broadcast';
import { handle } from './handler';
import { rooms, type SocketDeps, type VisitorSocket } from './types';

/** "Leave a message", answers to automatic answers, the satisfaction survey and transcripts. */
export function registerVisitorAvailabilityHandlers(socket: VisitorSocket, deps: SocketDeps): void {
  const site = () => deps.sites.get(socket.data.siteId);
  const { store, log } = deps;
  void socket.join(rooms.site(socket.data.siteId));

  socket.on('offline:send', handle(log, 'offline:send', schemas.offlineSend, async (p) => {
    await consume(deps.limiters.visitorMessages, socket.data.visitor.id);
    const visitor = await store.updateVisitor(socket.data.visitor.id, { email: p.email, name: p.name || undefined, pageUrl: p.page.url, pageTitle: p.page.title });
    socket.data.visitor = visitor;
    const result = await sendVisitorMessage(store, visitor, { id: crypto.randomUUID().replaceAll('-', ''), conversationId: null, text: p.text });
    await announceMessage(deps, result, { socketId: socket.id, visitor, site: await site() });
    void announceVisitor(deps, visitor.id);
    await emailOfflineMessage(store, deps.email, await site(), visitor, p.text).catch((err) => log.error({ err }, 'could not queue the offline message email'));
    return result.message;
  }));

  socket.on('faq:answer', handle(log, 'faq:answer', schemas.faqAnswer, async (p) => {
    const m = await store.getMessage(p.messageId);
    if (!m?.faq) throw new AppError('not_found', 'No such automatic answer.');
    const c = await visitorConversation(store, socket.data.visitor, m.conversationId);
    await store.setFaqHelpful(m.id, p.helpful);
    const updated = { ...m, faq: { id: m.faq.id, helpful: p.helpful } };
    deps.agents.to(rooms.agents).emit('message:updated', updated);
    deps.visitors.to(rooms.visitor(c.visitorId)).emit('message:updated', updated);
    if (p.helpful && c.status !== 'resolved' && !c.firstResponseAt) {
      announceStatusToVisitor(deps, await store.setConversationStatus(c.id, 'resolved', new Date().toISOString()));
    }
    await announceConversation(deps, c.id);
    return updated;
  }));

  socket.on('survey:send', handle(log, 'survey:send', schemas.surveySend, async (p) => {
    const c = await visitorConversation(store, socket.data.visitor, p.conversationId);
    const survey = await recordSurvey(store, await site(), c, p.rating, p.comment || null);
    await announceConversation(deps, c.id);
    deps.agents.to(rooms.agents).emit('survey:received', {
      conversationId: c.id,
      visitorName: socket.data.visitor.name ?? friendlyName(socket.data.visitor.id),
      rating: survey.rating,
      comment: survey.comment,
      unhappy: survey.rating <= 2,
    });
    return null;
  }));

  socket.on('transcript:send', handle(log, 'transcript:send', schemas.transcriptSend, async (p) => {
    await consume(deps.limiters.feedback, socket.data.visitor.id);
    const c = await visitorConversation(store, socket.data.visitor, p.conversationId);
    if (!socket.data.visitor.email) socket.data.visitor = await store.updateVisitor(socket.data.visitor.id, { email: p.email });
    await sendTranscript(store, deps.email, await site(), socket.data.visitor, c, p.email);
    return null;
  }));
}
