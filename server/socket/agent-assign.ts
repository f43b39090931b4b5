import type { AgentClientEvents } from '../../protocol/events';
import type { ConversationSummary } from '../../protocol/types';
import { assignConversation, autoAssign, type AssignRequest } from '../domain/assignment';
import { found } from '../errors';
import type { AgentRow, AppendResult, ConversationRow, SiteRow } from '../store/types';
import { schemas } from '../validation';
import { announceConversation } from './broadcast';
import { handlerFor, type EventTable } from './handler';
import { rooms, type AgentSocket, type SocketDeps } from './types';

const on = handlerFor<AgentSocket>();

/**
 * Tells every console (on every node, through the rooms) and the visitor's widget who has the chat now;
 * the widget hears only the agent's display name, never a transfer's note.
 */
export async function announceAssignment(deps: SocketDeps, c: ConversationRow): Promise<void> {
  await announceConversation(deps, c.id);
  const agent = c.assigneeId ? await deps.store.getAgent(c.assigneeId) : null;
  announceAgentToVisitor(deps, c, agent?.name ?? null);
}

/** Assigns (console or REST alike) and tells everyone; answers the conversation's inbox row. */
export async function assignAndAnnounce(deps: SocketDeps, actor: AgentRow, r: AssignRequest): Promise<ConversationSummary> {
  const before = await deps.store.getConversation(r.conversationId);
  const c = await assignConversation(deps.store, actor, r);
  if (before?.assigneeId !== c.assigneeId || r.note) await announceAssignment(deps, c);
  return found(await deps.store.getSummary(c.id), 'No such conversation.');
}

/**
 * An agent's reply takes an unassigned chat (one someone else took meanwhile stays theirs); true when it did.
 * The reply's own announcement tells everyone (its inbox row is read after this).
 */
export async function takeOnReply(deps: SocketDeps, agent: AgentRow, result: AppendResult): Promise<boolean> {
  if (!result.created || result.conversation.assigneeId) return false;
  const c = await deps.store.assignConversation({
    conversationId: result.conversation.id,
    to: agent.id,
    expectFrom: null,
    note: null,
    byName: null,
    now: new Date().toISOString(),
  });
  if (c) result.conversation = c;
  return c !== null;
}

/** Tells the visitor's widget the agent's name (alone: an assignment that changed no status). */
export function announceAgentToVisitor(deps: SocketDeps, c: ConversationRow, agentName: string | null): void {
  deps.visitors.to(rooms.visitor(c.visitorId)).emit('conversation:status', visitorView(c, agentName));
}

const visitorView = (c: ConversationRow, agentName: string | null) => ({
  id: c.id,
  status: c.status,
  lastSeq: c.lastSeq,
  visitorReadSeq: c.visitorReadSeq,
  agentName,
});

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
