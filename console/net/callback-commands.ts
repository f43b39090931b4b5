import type { CallbackItem, CallbackOutcome } from '../../protocol/types';
import { nanoid } from 'nanoid';
import type { CallbackView } from '../state/callback-types';
import type { ConsoleStore } from '../state/store';
import type { CallbackCommand } from '../state/types';
import { request, type AgentSocket, type Result } from './agent-socket';

/** The most `callback:list` answers with; a shorter answer is the whole list. */
export const CALLBACK_LIST_LIMIT = 500;

/** Requests of the callback section; each updates the store with the answer. */
export interface CallbackCommands {
  /** Loads the open requests (the navigation counts them), and every request when the view asks for all. */
  refreshList(): Promise<void>;
  /** Loads one request in full: attempts and the visitor's chats. */
  open(callbackId: string): Promise<void>;
  /** `takeOverFrom`: the agent the console shows has it (refused with `already_claimed` if someone else has it by now). */
  claim(callbackId: string, takeOverFrom?: string): Promise<Result<CallbackItem>>;
  /**
   * How the call went, with the agent's note, through the outbox: retried under its id until the
   * server stores it (true) or refuses it for good (false; the refusal stays on the request).
   */
  outcome(callbackId: string, outcome: CallbackOutcome, note?: string): Promise<boolean>;
  /** A new time (ISO, UTC), as `outcome` goes. */
  reschedule(callbackId: string, dueAt: string, note?: string): Promise<boolean>;
  /** What the outbox does with the request a callback action changed. */
  stored(item: CallbackItem): void;
}

/** Resolves once the outbox is done with entry `id`: true when it left the queue stored, false when refused. */
function settled(store: ConsoleStore, id: string): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      const p = store.get().pending[id];
      if (p && p.state !== 'failed') return false;
      resolve(!p);
      return true;
    };
    if (check()) return;
    const stop = store.subscribe(() => {
      if (check()) stop();
    });
  });
}

/** Callback commands over the agent socket. */
export function createCallbackCommands(socket: AgentSocket, store: ConsoleStore, newId: () => string = nanoid): CallbackCommands {
  const { dispatch } = store;

  const queue = (callback: CallbackCommand, note?: string) => {
    const id = newId();
    dispatch({ type: 'send/started', id, conversationId: null, callback, text: note ?? '', createdAt: new Date().toISOString() });
    return settled(store, id);
  };

  const list = async (view: CallbackView) => {
    const tick = store.get().callbacks.tick;
    const r = await request(socket, 'callback:list', { status: view });
    if (r.ok) dispatch({ type: 'callbacks/listed', view, items: r.data, tick, complete: r.data.length < CALLBACK_LIST_LIMIT });
  };

  // Every change answers with the new item; the open request's history changed with it.
  const changed = async (r: Result<CallbackItem>) => {
    if (!r.ok) return r;
    dispatch({ type: 'callbacks/updated', item: r.data });
    if (store.get().callbacks.open?.id === r.data.id) void commands.open(r.data.id);
    return r;
  };

  const commands: CallbackCommands = {
    async refreshList() {
      const { view } = store.get().callbacks;
      await Promise.all(view === 'open' ? [list('open')] : [list('all'), list('open')]);
    },
    async open(callbackId) {
      dispatch({ type: 'callbacks/open-requested', id: callbackId });
      const r = await request(socket, 'callback:get', { callbackId });
      if (r.ok) dispatch({ type: 'callbacks/open-loaded', detail: r.data });
      else dispatch({ type: 'callbacks/open-failed', id: callbackId, error: r.message });
    },
    claim: async (callbackId, takeOverFrom) =>
      changed(await request(socket, 'callback:claim', takeOverFrom ? { callbackId, takeOverFrom } : { callbackId })),
    outcome: (callbackId, outcome, note) => queue({ callbackId, outcome }, note),
    reschedule: (callbackId, dueAt, note) => queue({ callbackId, dueAt }, note),
    stored: (item) => void changed({ ok: true, data: item }),
  };
  return commands;
}
