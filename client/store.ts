/** A minimal observable store around a reducer; adapters and views subscribe to it. */
export interface Store<S, A> {
  get(): S;
  dispatch(action: A): void;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

/** Creates a store; listeners run synchronously after each change, in subscription order. */
export function createStore<S, A>(reducer: (s: S, a: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S) => void>();
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
