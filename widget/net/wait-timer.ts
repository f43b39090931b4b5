import { isWaiting } from '../state/selectors';
import type { ChatStore } from '../state/store';

/**
 * Tells the state when a new chat has waited the site's `waitSeconds` for an agent, so the
 * chat can offer other ways. Counted on this device's clock from when the wait began here:
 * the server's timestamps would be skewed by the visitor's clock.
 */
export function startWaitTimer(store: ChatStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  const check = () => {
    const s = store.get();
    const now = isWaiting(s);
    if (now === waiting) return;
    waiting = now;
    clearTimeout(timer);
    if (now) timer = setTimeout(() => store.dispatch({ type: 'waited' }), s.site!.waitSeconds * 1000);
  };
  const unsubscribe = store.subscribe(check);
  check();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
