import type { ConversationSummary, Message } from '../../protocol/types';
import { pendingInOrder } from './pending-reducer';
import type { AssignView, ConsoleState, InboxFilter, PendingMessage } from './types';

/** Whether a row belongs under a filter tab. */
export function matchesFilter(row: ConversationSummary, filter: InboxFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'resolved') return row.status === 'resolved';
  return row.status !== 'resolved';
}

/** Newest activity first; ties broken by id so the order never flickers. */
export function byActivity(a: ConversationSummary, b: ConversationSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  // Ties by id descending, as the server lists them, so j/k walk the rows in the pages' order.
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Whether a row belongs under an assignment view, for the agent `me`. */
export function matchesView(row: ConversationSummary, view: AssignView, me: string | null): boolean {
  if (view === 'all') return true;
  if (view === 'unassigned') return row.assignee === null;
  return row.assignee !== null && row.assignee.id === me;
}

type InboxView = Pick<ConsoleState, 'inbox' | 'filter'> & {
  siteFilter?: string | null;
  assignView?: AssignView;
  agent?: { id: string } | null;
};

/** The inbox rows under the status filter and assignment view (and site, when one is chosen), newest activity first. */
export function visibleRows(state: InboxView): ConversationSummary[] {
  const site = state.siteFilter;
  const me = state.agent?.id ?? null;
  return Object.values(state.inbox)
    .filter((r) => matchesFilter(r, state.filter) && matchesView(r, state.assignView ?? 'all', me) && (!site || r.siteId === site))
    .sort(byActivity);
}

/** How many rows each assignment view holds under the status filter and site (of the rows loaded). */
export function countByView(state: InboxView): Record<AssignView, number> {
  const counts: Record<AssignView, number> = { mine: 0, unassigned: 0, all: 0 };
  const me = state.agent?.id ?? null;
  for (const r of Object.values(state.inbox)) {
    if (!matchesFilter(r, state.filter) || (state.siteFilter && r.siteId !== state.siteFilter)) continue;
    for (const v of ['mine', 'unassigned', 'all'] as const) if (matchesView(r, v, me)) counts[v]++;
  }
  return counts;
}

/** Unread visitor messages over every conversation, for the tab title. */
export function totalUnread(state: Pick<ConsoleState, 'inbox'>): number {
  let n = 0;
  for (const row of Object.values(state.inbox)) n += row.unread;
  return n;
}

/** Count of rows per filter tab that need attention (unread). */
export function unreadByFilter(state: Pick<ConsoleState, 'inbox'>): Record<InboxFilter, number> {
  const counts: Record<InboxFilter, number> = { active: 0, resolved: 0, all: 0 };
  for (const row of Object.values(state.inbox)) {
    for (const f of ['active', 'resolved', 'all'] as const) if (matchesFilter(row, f)) counts[f] += row.unread;
  }
  return counts;
}

/** Own replies of one conversation not yet stored, oldest first. */
export function pendingFor(state: Pick<ConsoleState, 'pending'>, conversationId: string): PendingMessage[] {
  return pendingInOrder(state.pending).filter((p) => p.conversationId === conversationId);
}

/** Names of everyone typing in a conversation except the signed-in agent (by id); null stands for the visitor. */
export function typersIn(state: Pick<ConsoleState, 'typing' | 'agent'>, conversationId: string): (string | null)[] {
  const here = state.typing[conversationId] ?? {};
  const self = state.agent ? `agent:${state.agent.id}` : '';
  return Object.entries(here)
    .filter(([key]) => key !== self)
    .map(([, name]) => name);
}

/** Whether the visitor of a conversation is typing. */
export function visitorTyping(state: Pick<ConsoleState, 'typing'>, conversationId: string): boolean {
  return 'visitor' in (state.typing[conversationId] ?? {});
}

/** Highest seq held for the open conversation, 0 when none. */
export function lastHeldSeq(messages: Message[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/** The row `step` places away from the open one in the visible list (wrapping is not wanted: it disorients). */
export function neighbourId(state: Pick<ConsoleState, 'inbox' | 'filter' | 'open'>, step: 1 | -1): string | null {
  const rows = visibleRows(state);
  if (rows.length === 0) return null;
  const at = state.open ? rows.findIndex((r) => r.id === state.open!.id) : -1;
  if (at === -1) return (step === 1 ? rows[0] : rows.at(-1))!.id;
  return rows[at + step]?.id ?? null;
}
