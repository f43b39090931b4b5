import type { PendingMessage } from './types';

/** The agent's outbox: own replies (chat or feedback email) the server has not stored yet. */
export type Pending = Record<string, PendingMessage>;

export type SendAction =
  /** A new reply, queued behind those before it. `feedbackId`: an email reply to that feedback. */
  | { type: 'send/started'; id: string; conversationId: string | null; feedbackId?: string; text: string; createdAt: string }
  /** What a previous page of this agent left unsent, as it saved it. */
  | { type: 'send/restored'; pending: PendingMessage[] }
  /** The outbox sends it, put it back after a transient failure, or the server refused it (`error`: why). */
  | { type: 'send/marked'; id: string; state: PendingMessage['state']; error?: string }
  /** The agent pressed Retry on a refused one: queued again under the same id. */
  | { type: 'send/retried'; id: string }
  /** The server stored it (what it stored came with the answer, as a message or a reply). */
  | { type: 'send/stored'; id: string };

/** Whether an action belongs to the outbox. */
export function isSendAction(action: { type: string }): action is SendAction {
  return action.type.startsWith('send/');
}

/** The outbox without what the server stored (a stored one is a message or a reply now). */
export function withoutStored(pending: Pending, ids: string[]): Pending {
  if (!ids.some((id) => pending[id])) return pending;
  const rest = { ...pending };
  for (const id of ids) delete rest[id];
  return rest;
}

const withState = (pending: Pending, id: string, state: PendingMessage['state'], error: string | null): Pending => {
  const p = pending[id];
  return p ? { ...pending, [id]: { ...p, state, error } } : pending;
};

/** The outbox's part of the state change, pure. */
export function pendingReducer(pending: Pending, action: SendAction): Pending {
  switch (action.type) {
    case 'send/started': {
      const { id, conversationId, feedbackId, text, createdAt } = action;
      if (pending[id]) return pending;
      return { ...pending, [id]: { id, conversationId, ...(feedbackId ? { feedbackId } : {}), text, createdAt, state: 'queued', error: null } };
    }
    case 'send/restored': {
      const fresh = action.pending.filter((p) => !pending[p.id]);
      return fresh.length === 0 ? pending : { ...pending, ...Object.fromEntries(fresh.map((p) => [p.id, p])) };
    }
    case 'send/marked':
      return withState(pending, action.id, action.state, action.error ?? null);
    case 'send/retried':
      return pending[action.id]?.state === 'failed' ? withState(pending, action.id, 'queued', null) : pending;
    case 'send/stored':
      return withoutStored(pending, [action.id]);
  }
}

/** The outbox oldest first (a stable sort: replies of one millisecond keep the order they were written in). */
export function pendingInOrder(pending: Pending): PendingMessage[] {
  return Object.values(pending).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The reply the outbox sends next: the oldest queued one, none while one is in flight. */
export function nextToSend(pending: Pending): PendingMessage | null {
  const all = pendingInOrder(pending);
  if (all.some((p) => p.state === 'sending')) return null;
  return all.find((p) => p.state === 'queued') ?? null;
}

/** The email replies to one feedback item not stored yet, oldest first. */
export function pendingRepliesTo(pending: Pending, feedbackId: string): PendingMessage[] {
  return pendingInOrder(pending).filter((p) => p.feedbackId === feedbackId);
}
