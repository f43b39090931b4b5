import { isOpenCallback } from '../state/callback-selectors';
import type { ConsoleStore } from '../state/store';

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); a later due time waits in steps. */
const MAX_WAIT = 2_147_483_647;
/**
 * Due times come from the server's clock; a request made "as soon as possible" just after
 * the console opened must still alert when the browser's clock runs a little ahead.
 */
const CLOCK_SKEW_MS = 120_000;

/**
 * Raises a due alert when an open request's due time passes while the console is open:
 * one timer per request, re-armed whenever its due time changes. Requests already overdue
 * when the console opened are not alerted; the queue shows them as overdue.
 */
export function bindCallbackDue(store: ConsoleStore, now: () => number = Date.now): () => void {
  const since = now() - CLOCK_SKEW_MS;
  const timers = new Map<string, { dueAt: string; timer: ReturnType<typeof setTimeout> }>();

  const arm = (id: string, dueAt: string) => {
    const wait = Date.parse(dueAt) - now();
    const timer = setTimeout(
      () => {
        if (Date.parse(dueAt) > now()) return arm(id, dueAt);
        timers.delete(id);
        store.dispatch({ type: 'callbacks/due', id, at: now() });
      },
      Math.min(Math.max(wait, 0), MAX_WAIT),
    );
    timers.set(id, { dueAt, timer });
  };

  const sync = () => {
    const { items, alerted } = store.get().callbacks;
    for (const [id, t] of timers) {
      const item = items[id];
      if (!item || !isOpenCallback(item) || item.dueAt !== t.dueAt) {
        clearTimeout(t.timer);
        timers.delete(id);
      }
    }
    for (const item of Object.values(items)) {
      const due = Date.parse(item.dueAt);
      if (!isOpenCallback(item) || timers.has(item.id) || alerted[item.id] === item.dueAt || Number.isNaN(due) || due < since) continue;
      arm(item.id, item.dueAt);
    }
  };

  sync();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.callbacks.items !== previous.callbacks.items) sync();
  });
  return () => {
    unsubscribe();
    for (const t of timers.values()) clearTimeout(t.timer);
    timers.clear();
  };
}
