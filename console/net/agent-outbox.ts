import type { CallbackItem, FeedbackReply, Message } from '../../protocol/types';
import { mergeSaved, storedList, type ListStorage } from '../../client/outbox/saved';
import { startOutbox } from '../../client/outbox/sender';
import { nextToSend } from '../state/pending-reducer';
import type { ConsoleStore } from '../state/store';
import type { CallbackCommand, PendingMessage } from '../state/types';
import { request, type AgentSocket, type Result } from './agent-socket';

/** One unsent reply or callback action as it survives a reload or a closed tab; `error` is set when the server refused it for good. */
export type SavedReply = Omit<PendingMessage, 'state' | 'error'> & { error?: string };

/**
 * The storage key of one agent's outbox on one relay: another agent signing in on this browser
 * gets their own, and never sends (or sees) someone else's queue.
 */
export function outboxKey(relay: string, agentId: string): string {
  return `earshot-console-outbox:${relay}:${agentId}`;
}

function isCallbackCommand(c: unknown): c is CallbackCommand {
  const r = c as Partial<{ callbackId: unknown; outcome: unknown; dueAt: unknown }> | null;
  return typeof r?.callbackId === 'string' && (typeof r.outcome === 'string' || typeof r.dueAt === 'string');
}

function isSavedReply(e: unknown): e is SavedReply {
  const r = e as Partial<SavedReply> | null;
  return (
    typeof r?.id === 'string' &&
    typeof r.text === 'string' &&
    typeof r.createdAt === 'string' &&
    (typeof r.conversationId === 'string' ||
      (r.conversationId === null && (typeof r.feedbackId === 'string' || isCallbackCommand(r.callback))))
  );
}

/** The agent's outbox in this browser's localStorage (`backend` for tests). */
export function agentOutboxStorage(relay: string, agentId: string, backend?: () => Storage): ListStorage<SavedReply> {
  return storedList(outboxKey(relay, agentId), isSavedReply, backend);
}

function save(p: PendingMessage): SavedReply {
  const { id, conversationId, feedbackId, callback, text, note, createdAt, error } = p;
  const about = { ...(feedbackId ? { feedbackId } : {}), ...(callback ? { callback } : {}), ...(note ? { note } : {}) };
  return { id, conversationId, ...about, text, createdAt, ...(error ? { error } : {}) };
}

type Stored = Message | FeedbackReply | CallbackItem;

/** The event an entry goes as, under its own id. */
function sendEntry(socket: AgentSocket, p: PendingMessage): Promise<Result<Stored>> {
  const note = p.text ? { note: p.text } : {};
  if (p.callback && 'dueAt' in p.callback) return request(socket, 'callback:reschedule', { id: p.id, ...p.callback, ...note });
  if (p.callback) return request(socket, 'callback:outcome', { id: p.id, ...p.callback, ...note });
  if (p.feedbackId) return request(socket, 'feedback:reply', { id: p.id, feedbackId: p.feedbackId, text: p.text });
  const internal = p.note ? { note: true } : {};
  return request(socket, 'message:send', { id: p.id, conversationId: p.conversationId ?? '', text: p.text, ...internal });
}

/** Saved replies as a reload finds them: whatever was in flight is queued again. */
export function restoreReplies(saved: SavedReply[]): PendingMessage[] {
  return saved.map((s) => ({ ...s, state: s.error ? 'failed' : 'queued', error: s.error ?? null }));
}

/**
 * The console's outbox on the shared sender: chat replies and internal notes go as `message:send`, email replies to
 * feedback as `feedback:reply`, a call's outcome or a new time with its note as `callback:outcome`
 * or `callback:reschedule`, one at a time, in order, each retried under its own id until the
 * server stores it or refuses it for good. It starts with what a previous page of this agent left
 * and saves every change, so neither a reload nor a closed tab loses a reply or a note.
 * `onCallback` gets the request a callback action changed.
 */
export function bindAgentOutbox(
  socket: AgentSocket,
  store: ConsoleStore,
  storage: ListStorage<SavedReply>,
  onCallback: (item: CallbackItem) => void = () => undefined,
): () => void {
  const { dispatch } = store;
  const agentId = store.get().agent?.id;
  const restored = restoreReplies(storage.read());
  if (restored.length > 0) dispatch({ type: 'send/restored', pending: restored });

  const stopSaving = store.subscribe((s, previous) => {
    // A sign-out empties the state, not the queue: it waits for this agent's next sign-in.
    if (s.pending === previous.pending || s.agent?.id !== agentId) return;
    storage.write(mergeSaved(storage.read(), Object.values(previous.pending), Object.values(s.pending).map(save)));
  });

  const stopSending = startOutbox<PendingMessage, Stored>(
    {
      next: () => nextToSend(store.get().pending),
      online: () => store.get().connection === 'online',
      mark: (id, state, refusal) => dispatch({ type: 'send/marked', id, state, ...(refusal ? { error: refusal.message } : {}) }),
      subscribe: (listener) => store.subscribe(listener),
    },
    (p) => sendEntry(socket, p),
    (data, p) => {
      if (p.callback) onCallback(data as CallbackItem);
      else if (p.feedbackId) dispatch({ type: 'feedback/replied', reply: data as FeedbackReply });
      else dispatch({ type: 'messages', messages: [data as Message] });
      // Taken off the queue by its own id, whatever the answer carries.
      dispatch({ type: 'send/stored', id: p.id });
    },
  );

  return () => {
    stopSending();
    stopSaving();
  };
}
