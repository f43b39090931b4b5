import type { VisitorClientEvents } from '../../protocol/events';
import type { HelloResult } from '../../protocol/types';
import { autoAnswer } from '../domain/after-chat';
import { messagesAfter, refuseChatOffUnlessGoingOn, sendVisitorMessage, visitorConversation } from '../domain/chat';
import { toSitePublic } from '../domain/sites';
import { identifyVisitor } from '../domain/identity';
import { personOf, recordHello } from '../domain/visitors';
import { consume } from '../limits';
import { schemas } from '../validation';
import { announceConversation, announceMessage, announceStatusToVisitor, announceVisitor } from './broadcast';
import { handlerFor, type EventTable } from './handler';
import { rooms, siteOf, type SocketDeps, type VisitorSocket } from './types';

const on = handlerFor<VisitorSocket>();

/** Joins a new visitor socket to its rooms and tells agents when it leaves. */
export function onVisitorConnect(socket: VisitorSocket, deps: SocketDeps): void {
  const visitorId = socket.data.visitor.id;
  void socket.join([rooms.visitor(visitorId), rooms.site(socket.data.siteId)]);
  deps.bus.presence.add('visitor', visitorId);
  socket.on('disconnect', () => {
    deps.bus.presence.remove('visitor', visitorId);
    void announceVisitor(deps, visitorId);
  });
}

/**
 * Puts every tab of a just verified visitor in the rooms of the person's other browsers and theirs in
 * this one's, on any relay node: messages fan out to a conversation's visitor room, so each reaches them all.
 */
export function joinPerson(deps: SocketDeps, visitorId: string, others: string[]): void {
  const theirs = others.map(rooms.visitor);
  deps.visitors.in(rooms.visitor(visitorId)).socketsJoin(theirs);
  deps.visitors.in(theirs).socketsJoin(rooms.visitor(visitorId));
}

/** Chat events of visitor sockets. */
export const visitorChatHandlers = {
  'visitor:hello': on(schemas.hello, async (ctx, socket, deps): Promise<HelloResult> => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const { store } = deps;
    const current = (await store.getVisitor(socket.data.visitor.id)) ?? socket.data.visitor;
    const visitor = await recordHello(store, current, ctx, socket.handshake.headers['user-agent'] ?? null);
    socket.data.visitor = visitor;
    // A verified person's second browser picks up where their other one is.
    const person = personOf(visitor);
    const c = person ? await store.latestContactConversation(person) : await store.latestConversation(visitor.id);
    const contact = person ? await store.getContact(person) : null;
    const externalId = contact?.externalId ?? visitor.claimedId;
    void announceVisitor(deps, visitor.id);
    const site = await siteOf(socket, deps);
    // At every hello: `site:status` is pushed only on a change, which a reconnecting tab may have
    // missed. Not knowing it is no reason to fail the hello.
    const status = await deps.statusOf(site).catch((err) => (deps.log.warn({ err }, 'site status failed'), null));
    // Handed out once, so only once nothing can fail any more.
    const token = socket.data.newToken;
    socket.data.newToken = null;
    return {
      token,
      visitorId: visitor.id,
      name: visitor.name,
      email: visitor.email,
      site: toSitePublic(site, deps.email.enabled),
      status,
      conversation: c && { id: c.id, status: c.status, lastSeq: c.lastSeq, visitorReadSeq: c.visitorReadSeq },
      identity: externalId ? { id: externalId, verified: Boolean(contact?.externalId) } : null,
    };
  }),

  'visitor:identify': on(schemas.identify, async (p, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const visitorId = socket.data.visitor.id;
    const before = socket.data.visitor;
    const done = await identifyVisitor(deps.store, before, p);
    socket.data.visitor = done.visitor;
    if (done.others.length) joinPerson(deps, visitorId, done.others);
    void announceVisitor(deps, visitorId);
    const c = await deps.store.latestConversation(visitorId);
    if (c) void announceConversation(deps, c.id);
    return { name: done.visitor.name, email: done.visitor.email, verified: done.contact !== null, merged: done.merged };
  }),

  'visitor:page': on(schemas.page, async (page, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    const visitorId = socket.data.visitor.id;
    await deps.store.updateVisitor(visitorId, { pageUrl: page.url, pageTitle: page.title, lastSeenAt: new Date().toISOString() });
    void announceVisitor(deps, visitorId);
    return null;
  }),

  'message:send': on(
    schemas.visitorSend,
    async (p, socket, deps) => {
      await consume(deps.limiters.visitorMessages, socket.data.visitor.id);
      const siteRow = await siteOf(socket, deps);
      await refuseChatOffUnlessGoingOn(deps.store, siteRow, socket.data.visitor, p.conversationId);
      const result = await sendVisitorMessage(deps.store, socket.data.visitor, p);
      if (!result.created) return result.message;
      await announceMessage(deps, result, { socketId: socket.id, visitor: socket.data.visitor, site: siteRow });
      // The answer goes out after the ack's message, so the visitor sees question, then answer.
      if (siteRow.options.faqs.length) {
        void autoAnswer(deps.store, siteRow, result)
          .then((answer) => answer && announceMessage(deps, answer))
          .catch((err) => deps.log.error({ err }, 'automatic answer failed'));
      }
      return result.message;
    },
    { serial: true },
  ),

  'message:list': on(schemas.list, async (p, socket, deps) =>
    messagesAfter(deps.store, await visitorConversation(deps.store, socket.data.visitor, p.conversationId), p.after),
  ),

  'typing:set': on(schemas.typing, async (p, socket, deps) => {
    await consume(deps.limiters.visitorUpdates, socket.data.visitor.id);
    await visitorConversation(deps.store, socket.data.visitor, p.conversationId);
    deps.agents
      .to(rooms.agents)
      .volatile.emit('typing', { conversationId: p.conversationId, from: 'visitor', name: null, typing: p.typing });
    return null;
  }),

  'conversation:read': on(schemas.read, async (p, socket, deps) => {
    const before = await visitorConversation(deps.store, socket.data.visitor, p.conversationId);
    await deps.store.setReadSeq(p.conversationId, 'visitor', p.seq);
    // The visitor's other tabs clear their unread count too.
    const after = await deps.store.getConversation(p.conversationId);
    if (after && after.visitorReadSeq > before.visitorReadSeq) announceStatusToVisitor(deps, after);
    return null;
  }),
} satisfies EventTable<VisitorClientEvents, VisitorSocket>;
