import { useEffect, useState } from 'preact/hooks';
import type { ConsoleStore } from '../state/store';
import type { ConsoleState } from '../state/types';

/** The store's current state, re-rendering on every change. */
export function useConsoleState(store: ConsoleStore): ConsoleState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe((s) => setState(s));
  }, [store]);
  return state;
}

/** The current time, refreshed every `ms` so relative times and clocks stay right. */
export function useNow(ms = 60_000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), ms);
    return () => clearInterval(timer);
  }, [ms, clock]);
  return now;
}
