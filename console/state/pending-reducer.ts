import type { PendingMessage } from './types';

/** The agent's outbox: own replies (chat or feedback email) and callback actions the server has not stored yet. */
export type Pending = Record<string, PendingMessage>;

export type SendAction =
  /**
   * A new reply, queued behind those before it. `feedbackId`: an email reply to that feedback;
   * `callback`: an action on that request, with `text` as its note.
   */
  | ({ type: 'send/started' } & Omit<PendingMessage, 'state' | 'error'>)
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

const withoutFailedActions = (pending: Pending, callbackId: string): Pending =>
  withoutStored(
    pending,
    Object.values(pending)
      .filter((p) => p.state === 'failed' && p.callback?.callbackId === callbackId)
      .map((p) => p.id),
  );

/** The outbox's part of the state change, pure. */
export function pendingReducer(pending: Pending, action: SendAction): Pending {
  switch (action.type) {
    case 'send/started': {
      const { id, conversationId, feedbackId, callback, text, note, createdAt } = action;
      if (pending[id]) return pending;
      // A new action on a request replaces a refused one on it: its refusal was shown, the agent acted on it.
      const rest = callback ? withoutFailedActions(pending, callback.callbackId) : pending;
      const about = { ...(feedbackId ? { feedbackId } : {}), ...(callback ? { callback } : {}), ...(note ? { note } : {}) };
      const entry: PendingMessage = { id, conversationId, ...about, text, createdAt, state: 'queued', error: null };
      return { ...rest, [id]: entry };
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

/** The actions on one call back request not stored yet, oldest first (a refused one stays until the next action). */
export function pendingActionsOn(pending: Pending, callbackId: string): PendingMessage[] {
  return pendingInOrder(pending).filter((p) => p.callback?.callbackId === callbackId);
}
