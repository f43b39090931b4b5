import type { CallbackItem, CallbackOutcome } from '../../protocol/types';
import type { CallbackView } from '../state/callback-types';
import type { ConsoleStore } from '../state/store';
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
  outcome(callbackId: string, outcome: CallbackOutcome, note?: string): Promise<Result<CallbackItem>>;
  /** `dueAt` is an ISO time in UTC. */
  reschedule(callbackId: string, dueAt: string, note?: string): Promise<Result<CallbackItem>>;
}

/** Callback commands over the agent socket. */
export function createCallbackCommands(socket: AgentSocket, store: ConsoleStore): CallbackCommands {
  const { dispatch } = store;

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
    claim: async (callbackId, takeOverFrom) => changed(await request(socket, 'callback:claim', takeOverFrom ? { callbackId, takeOverFrom } : { callbackId })),
    outcome: async (callbackId, outcome, note) =>
      changed(await request(socket, 'callback:outcome', note ? { callbackId, outcome, note } : { callbackId, outcome })),
    reschedule: async (callbackId, dueAt, note) =>
      changed(await request(socket, 'callback:reschedule', note ? { callbackId, dueAt, note } : { callbackId, dueAt })),
  };
  return commands;
}
