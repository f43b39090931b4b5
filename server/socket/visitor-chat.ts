import type { HelloResult } from '../../protocol/types';
import { autoAnswer } from '../domain/after-chat';
import { messagesAfter, sendVisitorMessage, visitorConversation } from '../domain/chat';
import { toSitePublic } from '../domain/sites';
import { recordHello } from '../domain/visitors';
import { consume } from '../limits';
import { schemas } from '../validation';
import { announceConversation, announceMessage, announceVisitor } from './broadcast';
import { createSerialQueue, handle, rejectUnknownEvents } from './handler';
import { rooms, type SocketDeps, type VisitorSocket } from './types';

/** Chat events of one visitor socket. */
export function registerVisitorChatHandlers(socket: VisitorSocket, deps: SocketDeps): void {
  const site = () => deps.sites.get(socket.data.siteId);
  const { store, log } = deps;
  const serial = createSerialQueue();
  rejectUnknownEvents(socket);
  const visitorId = socket.data.visitor.id;
  const current = () => store.getVisitor(visitorId).then((v) => v ?? socket.data.visitor);
  void socket.join(rooms.visitor(visitorId));

  socket.on('visitor:hello', handle(log, 'visitor:hello', schemas.hello, async (ctx): Promise<HelloResult> => {
    const visitor = await recordHello(store, await current(), ctx, socket.handshake.headers['user-agent'] ?? null);
    socket.data.visitor = visitor;
    const token = socket.data.newToken;
    socket.data.newToken = null;
    const c = await store.latestConversation(visitor.id);
    void announceVisitor(deps, visitor.id);
    return {
      token,
      visitorId: visitor.id,
      name: visitor.name,
      email: visitor.email,
      site: toSitePublic(await site()),
      conversation: c && { id: c.id, status: c.status, lastSeq: c.lastSeq, visitorReadSeq: c.visitorReadSeq },
    };
  }));

  socket.on('visitor:identify', handle(log, 'visitor:identify', schemas.identify, async (p) => {
    const v = await store.updateVisitor(visitorId, { name: p.name, email: p.email });
    socket.data.visitor = v;
    void announceVisitor(deps, visitorId);
    const c = await store.latestConversation(visitorId);
    if (c) void announceConversation(deps, c.id);
    return { name: v.name, email: v.email };
  }));

  socket.on('visitor:page', handle(log, 'visitor:page', schemas.page, async (page) => {
    await store.updateVisitor(visitorId, { pageUrl: page.url, pageTitle: page.title, lastSeenAt: new Date().toISOString() });
    void announceVisitor(deps, visitorId);
    return null;
  }));

  socket.on('message:send', handle(log, 'message:send', schemas.visitorSend, async (p) => {
    await consume(deps.limiters.visitorMessages, visitorId);
    const result = await sendVisitorMessage(store, socket.data.visitor, p);
    if (!result.created) return result.message;
    const siteRow = await site();
    await announceMessage(deps, result, { socketId: socket.id, visitor: socket.data.visitor, site: siteRow });
    // The answer goes out after the ack's message, so the visitor sees question, then answer.
    if (siteRow.options.faqs.length) {
      void autoAnswer(store, siteRow, result)
        .then((answer) => answer && announceMessage(deps, answer))
        .catch((err) => log.error({ err }, 'automatic answer failed'));
    }
    return result.message;
  }, serial));

  socket.on('message:list', handle(log, 'message:list', schemas.list, async (p) => {
    return messagesAfter(store, await visitorConversation(store, socket.data.visitor, p.conversationId), p.after);
  }));

  socket.on('typing:set', handle(log, 'typing:set', schemas.typing, async (p) => {
    await visitorConversation(store, socket.data.visitor, p.conversationId);
    deps.agents.to(rooms.agents).volatile.emit('typing', { conversationId: p.conversationId, from: 'visitor', name: null, typing: p.typing });
    return null;
  }));

  socket.on('conversation:read', handle(log, 'conversation:read', schemas.read, async (p) => {
    await visitorConversation(store, socket.data.visitor, p.conversationId);
    await store.setReadSeq(p.conversationId, 'visitor', p.seq);
    return null;
  }));

  socket.on('disconnect', () => {
    void announceVisitor(deps, visitorId).catch((err) => log.warn({ err }, 'presence update failed'));
  });
}
