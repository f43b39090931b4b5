import type { Action, ChatState } from './types';

export type Listener = (state: ChatState, previous: ChatState) => void;

/** A minimal observable store around the chat reducer; adapters subscribe to it. */
export interface ChatStore {
  get(): ChatState;
  dispatch(action: Action): void;
  subscribe(listener: Listener): () => void;
}

/** Creates a store; listeners run synchronously after each change, in subscription order. */
export function createStore(reducer: (s: ChatState, a: Action) => ChatState, initial: ChatState): ChatStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      state = reducer(state, action);
      if (state !== previous) for (const l of [...listeners]) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
