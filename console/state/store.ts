import type { Action, ConsoleState } from './types';

export type Listener = (state: ConsoleState, previous: ConsoleState) => void;

/** A minimal observable store around the reducer; adapters and views subscribe to it. */
export interface ConsoleStore {
  get(): ConsoleState;
  dispatch(action: Action): void;
  subscribe(listener: Listener): () => void;
}

/** Creates a store; listeners run synchronously after each change, in subscription order. */
export function createStore(reducer: (s: ConsoleState, a: Action) => ConsoleState, initial: ConsoleState): ConsoleStore {
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
