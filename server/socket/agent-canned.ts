import type { AgentClientEvents } from '../../protocol/events';
import { deleteCanned, saveCanned } from '../domain/canned';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import type { AgentSocket } from './types';

const on = handlerFor<AgentSocket>();

/** Canned replies of agent console sockets: each agent sees the shared ones and their own. */
export const agentCannedHandlers = {
  'canned:list': on(schemas.empty, async (_, socket, { store }) => store.listCannedReplies(socket.data.agent.id)),
  'canned:save': on(schemas.cannedSave, async (p, socket, { store }) => saveCanned(store, socket.data.agent, p)),
  'canned:delete': on(schemas.cannedId, async (p, socket, { store }) => deleteCanned(store, socket.data.agent, p.id)),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
