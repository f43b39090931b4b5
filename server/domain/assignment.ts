import type { AssignmentSettings, ConversationSummary } from '../../protocol/types';
import { AppError, found } from '../errors';
import type { AgentLoad, AgentRow, AppendResult, ConversationRow, Store } from '../store/types';
import type { LiveFanout } from './agent-actions';

/** What assigning and telling of it need: the store and the live fan-out. */
export interface AssignDeps {
  store: Store;
  live: LiveFanout;
}

/** What the person assigning asked for: a claim (`from: null`), a transfer from the agent they saw, or whoever has it (omitted). */
export interface AssignRequest {
  conversationId: string;
  /** The new agent, or null for Unassigned. */
  agentId: string | null;
  from?: string | null;
  note?: string | null;
}

/** The conversation's agent is now `to`; an agent who cannot take chats is refused. */
async function assignee(store: Store, agentId: string | null): Promise<AgentRow | null> {
  if (agentId === null) return null;
  const agent = await store.getAgent(agentId);
  if (!agent || agent.deactivatedAt) throw new AppError('invalid_payload', 'No such agent to assign the chat to.');
  return agent;
}

/**
 * Changes a conversation's agent in one conditional write: of two agents claiming one chat at once,
 * one wins and the other is told who has it (as call back claims are). Asking for what already is
 * answers it as it is.
 */
export async function assignConversation(store: Store, actor: AgentRow, r: AssignRequest): Promise<ConversationRow> {
  const before = await store.getConversation(r.conversationId);
  if (!before) throw new AppError('not_found', 'No such conversation.');
  const to = await assignee(store, r.agentId);
  if (before.assigneeId === r.agentId && !r.note) return before;
  const note = r.note?.trim() ? r.note.trim() : null;
  const after = await store.assignConversation({
    conversationId: before.id,
    to: to?.id ?? null,
    expectFrom: r.from,
    note: to && to.id !== actor.id ? note : null,
    byName: actor.name,
    now: new Date().toISOString(),
  });
  if (after) return after;
  const now = await store.getConversation(before.id);
  if (now && now.assigneeId === r.agentId) return now;
  const holder = now?.assigneeId ? await store.getAgent(now.assigneeId) : null;
  throw new AppError(
    'already_claimed',
    holder ? `${holder.name} has this chat now.` : 'This chat changed hands meanwhile; look at who has it and try again.',
  );
}

/**
 * Round robin under a capacity: of the agents online and not away with fewer than `capacity`
 * unresolved chats, the one who got a chat longest ago (never first), ties by fewest chats, then id.
 */
export function nextAgent(agents: AgentRow[], online: ReadonlySet<string>, loads: AgentLoad[], s: AssignmentSettings): AgentRow | null {
  const load = new Map(loads.map((l) => [l.agentId, l]));
  const open = (a: AgentRow) => load.get(a.id)?.open ?? 0;
  const last = (a: AgentRow) => load.get(a.id)?.lastAssignedAt ?? '';
  const free = agents.filter((a) => online.has(a.id) && !a.away && !a.deactivatedAt && open(a) < s.capacity);
  free.sort((a, b) => last(a).localeCompare(last(b)) || open(a) - open(b) || a.id.localeCompare(b.id));
  return free[0] ?? null;
}

/** Gives an unassigned chat to the next agent (see `nextAgent`); null when nobody is free or someone took it meanwhile. */
export async function autoAssign(
  store: Store,
  c: ConversationRow,
  s: AssignmentSettings,
  online: ReadonlySet<string>,
): Promise<ConversationRow | null> {
  if (!s.auto || c.assigneeId || c.status === 'resolved') return null;
  const agent = nextAgent(await store.listAgents(), online, await store.agentLoads(), s);
  if (!agent) return null;
  return store.assignConversation({
    conversationId: c.id,
    to: agent.id,
    expectFrom: null,
    note: null,
    byName: null,
    now: new Date().toISOString(),
  });
}

/**
 * Tells every console (on every node) and the visitor's widget who has the chat now;
 * the widget hears only the agent's display name, never a transfer's note.
 */
export async function announceAssignment(deps: AssignDeps, c: ConversationRow): Promise<void> {
  await deps.live.conversation(c.id);
  const agent = c.assigneeId ? await deps.store.getAgent(c.assigneeId) : null;
  deps.live.assignee(c, agent?.name ?? null);
}

/** Assigns (console or REST alike) and tells everyone; answers the conversation's inbox row. */
export async function assignAndAnnounce(deps: AssignDeps, actor: AgentRow, r: AssignRequest): Promise<ConversationSummary> {
  const before = await deps.store.getConversation(r.conversationId);
  const c = await assignConversation(deps.store, actor, r);
  if (before?.assigneeId !== c.assigneeId || r.note) await announceAssignment(deps, c);
  return found(await deps.store.getSummary(c.id), 'No such conversation.');
}

/**
 * An agent's reply takes an unassigned chat (one someone else took meanwhile stays theirs); true when it did.
 * The reply's own announcement tells everyone (its inbox row is read after this).
 */
export async function takeOnReply(store: Store, agent: AgentRow, result: AppendResult): Promise<boolean> {
  if (!result.created || result.conversation.assigneeId) return false;
  const c = await store.assignConversation({
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
