import type { AgentClientEvents } from '../../protocol/events';
import { announceAssignment, assignAndAnnounce, autoAssign } from '../domain/assignment';
import type { AppendResult, SiteRow } from '../store/types';
import { schemas } from '../validation';
import { handlerFor, type EventTable } from './handler';
import type { AgentSocket, SocketDeps } from './types';

const on = handlerFor<AgentSocket>();

/** A visitor's message in an unassigned chat of a site that assigns automatically: the next free agent gets it. */
export async function assignNewChat(deps: SocketDeps, site: SiteRow, result: AppendResult): Promise<void> {
  const s = site.options.assignment;
  if (!s.auto || result.conversation.assigneeId) return;
  const c = await autoAssign(deps.store, result.conversation, s, await deps.bus.presence.onlineAgents());
  if (c) await announceAssignment(deps, c);
}

/**
 * Every `everyMs`, on the cluster's leader only: notes which assigned chats' agents are offline (by the
 * store's clock), and returns to Unassigned those offline past their site's grace period.
 */
export function startAssignmentSweep(deps: SocketDeps, everyMs = 15_000): () => void {
  let running = false;
  const sweep = async () => {
    if (!deps.bus.leader()) return;
    await deps.store.noteOfflineAssignees([...(await deps.bus.presence.onlineAgents())], new Date().toISOString());
    for (const site of await deps.store.listSites()) {
      const ids = await deps.store.releaseOfflineAssigned(site.id, site.options.assignment.graceSeconds, new Date().toISOString());
      for (const id of ids) {
        const c = await deps.store.getConversation(id);
        if (c) await announceAssignment(deps, c);
      }
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch((err) => deps.log.warn({ err }, 'assignment sweep failed'))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Assignment events of agent console sockets. */
export const agentAssignHandlers = {
  'conversation:assign': on(schemas.conversationAssign, async (p, socket, deps) => assignAndAnnounce(deps, socket.data.agent, p)),
} satisfies EventTable<AgentClientEvents, AgentSocket>;
