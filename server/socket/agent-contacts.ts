import type { AgentClientEvents } from '../../protocol/events';
import { contactDetail, listContacts, liveContact, mergeContacts, splitVisitor, undoLastMerge } from '../domain/contacts';
import { found } from '../errors';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import type { AgentSocket } from './types';

const on = handlerFor<AgentSocket>();

/** The Contacts section of agent console sockets: the list, a contact's view, merge, undo and split. */
export const agentContactHandlers = {
  'contact:list': on(schemas.contactList, async (p, _socket, { store }) =>
    listContacts(store, { siteId: p.siteId, search: p.search || undefined, before: p.before, limit: 50 }),
  ),

  'contact:get': on(schemas.contactId, async (p, _socket, { store }) => contactDetail(store, p.contactId)),

  'contact:merge': on(schemas.contactMerge, async (p, socket, deps) => {
    const m = await mergeContacts(deps.store, p.fromId, p.intoId, 'agent', socket.data.agent.id);
    deps.log.info({ mergeId: m.id, fromId: m.fromId, intoId: m.intoId, agentId: socket.data.agent.id }, 'contacts merged');
    return contactDetail(deps.store, m.intoId);
  }),

  'contact:undoMerge': on(schemas.contactId, async (p, socket, deps) => {
    const m = await undoLastMerge(deps.store, p.contactId);
    deps.log.info({ mergeId: m.id, agentId: socket.data.agent.id }, 'contact merge undone');
    return contactDetail(deps.store, m.intoId);
  }),

  'contact:split': on(schemas.visitorId, async (p, _socket, { store }) => {
    const visitor = found(await store.getVisitor(p.visitorId), 'No such visitor.');
    const left = visitor.contactId!;
    await splitVisitor(store, visitor);
    return contactDetail(store, left);
  }),

  'contact:notes': on(schemas.contactNotes, async (p, _socket, { store }) => {
    const c = await liveContact(store, p.contactId);
    await store.updateContact(c.id, { notes: p.notes || null, updatedAt: new Date().toISOString() });
    return contactDetail(store, c.id);
  }),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
