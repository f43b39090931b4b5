import type { VisitorClientEvents } from '../../protocol/events';
import { emailOfflineMessage, recordSurvey, sendTranscript } from '../domain/after-chat';
import { refuseChatOff, sendVisitorMessage, visitorConversation } from '../domain/chat';
import { friendlyName } from '../domain/friendly-name';
import { AppError } from '../errors';
import { consume } from '../limits';
import { schemas } from '../validation';
import { announceConversation, announceMessage, announceVisitor, announceStatusToVisitor } from './broadcast';
import { handlerFor, type EventTable } from './handler';
import { rooms, siteOf, type VisitorSocket } from './types';

const on = handlerFor<VisitorSocket>();

/** "Leave a message", answers to automatic answers, the satisfaction survey and transcripts. */
export const visitorAvailabilityHandlers = {
  'offline:send': on(schemas.offlineSend, async (p, socket, deps) => {
    const site = await siteOf(socket, deps);
    refuseChatOff(site);
    await consume(deps.limiters.visitorMessages, socket.data.visitor.id);
    const visitor = await deps.store.updateVisitor(socket.data.visitor.id, {
      email: p.email,
      name: p.name || undefined,
      pageUrl: p.page.url,
      pageTitle: p.page.title,
    });
    socket.data.visitor = visitor;
    const result = await sendVisitorMessage(
      deps.store,
      visitor,
      {
        id: p.id ?? crypto.randomUUID().replaceAll('-', ''),
        conversationId: null,
        text: p.text,
      },
      'offline',
    );
    // A retry of a stored message is announced once, the first time; its emails are keyed by
    // message and admin, so a retry queues only those a crash after storing it left unqueued.
    if (result.created) {
      await announceMessage(deps, result, { socketId: socket.id, visitor, site });
      void announceVisitor(deps, visitor.id);
    }
    await emailOfflineMessage(deps.store, deps.email, site, visitor, result.message.text, result.message.id).catch((err) =>
      deps.log.error({ err }, 'could not queue the offline message email'),
    );
    return result.message;
  }),

  'faq:answer': on(schemas.faqAnswer, async (p, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const m = await deps.store.getMessage(p.messageId);
    if (!m?.faq) throw new AppError('not_found', 'No such automatic answer.');
    const c = await visitorConversation(deps.store, socket.data.visitor, m.conversationId);
    await deps.store.setFaqHelpful(m.id, p.helpful);
    const updated = { ...m, faq: { id: m.faq.id, helpful: p.helpful } };
    deps.agents.to(rooms.agents).emit('message:updated', updated);
    deps.visitors.to(rooms.visitor(c.visitorId)).emit('message:updated', updated);
    if (p.helpful && c.status !== 'resolved' && !c.firstResponseAt) {
      announceStatusToVisitor(deps, await deps.store.setConversationStatus(c.id, 'resolved', new Date().toISOString()));
    }
    await announceConversation(deps, c.id);
    return updated;
  }),

  'survey:send': on(schemas.surveySend, async (p, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const c = await visitorConversation(deps.store, socket.data.visitor, p.conversationId);
    const survey = await recordSurvey(deps.store, await siteOf(socket, deps), c, p.rating, p.comment || null);
    await announceConversation(deps, c.id);
    deps.agents.to(rooms.agents).emit('survey:received', {
      conversationId: c.id,
      visitorName: socket.data.visitor.name ?? friendlyName(socket.data.visitor.id),
      rating: survey.rating,
      comment: survey.comment,
      unhappy: survey.rating <= 2,
    });
    return null;
  }),

  'transcript:send': on(schemas.transcriptSend, async (p, socket, deps) => {
    await consume(deps.limiters.feedback, socket.data.visitor.id);
    const c = await visitorConversation(deps.store, socket.data.visitor, p.conversationId);
    await consume(deps.limiters.visitorEmailsPerIp, deps.clientIp(socket.request));
    await consume(deps.limiters.visitorEmailsPerAddress, p.email.toLowerCase());
    if (!socket.data.visitor.email) socket.data.visitor = await deps.store.updateVisitor(socket.data.visitor.id, { email: p.email });
    await sendTranscript(deps.store, deps.email, await siteOf(socket, deps), socket.data.visitor, c, p.email);
    return null;
  }),
} satisfies EventTable<VisitorClientEvents, VisitorSocket>;
