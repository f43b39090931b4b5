import type { CallbackItem } from '../../protocol/types';
import type { CallbackState, CallbackView } from './callback-types';

/** Whether a request still waits for a call (`waiting` or `rescheduled`). */
export function isOpenCallback(item: Pick<CallbackItem, 'status'>): boolean {
  return item.status === 'waiting' || item.status === 'rescheduled';
}

/** Whether a request belongs in a view, by the same rule as the server's `callback:list`. */
export function inView(item: CallbackItem, view: CallbackView): boolean {
  return view === 'all' || isOpenCallback(item);
}

/** Earliest due first, as the server orders them, so whatever is overdue leads; ties by id. */
export function byDue(a: CallbackItem, b: CallbackItem): number {
  const d = Date.parse(a.dueAt) - Date.parse(b.dueAt);
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The queue: the current view's requests, earliest due first. Under "all" the open ones
 * still lead, and closed ones follow latest first, since those are the ones asked about.
 */
export function visibleCallbacks(state: Pick<CallbackState, 'items' | 'view'>): CallbackItem[] {
  const rows = Object.values(state.items).filter((c) => inView(c, state.view));
  return rows.sort((a, b) => {
    const open = Number(isOpenCallback(b)) - Number(isOpenCallback(a));
    if (open !== 0) return open;
    return isOpenCallback(a) ? byDue(a, b) : byDue(b, a);
  });
}

/** Whether an open request's due time has passed at `now`. */
export function isOverdue(item: CallbackItem, now: number): boolean {
  return isOpenCallback(item) && Date.parse(item.dueAt) <= now;
}

/** Open and overdue requests, for the navigation. */
export function callbackCounts(state: Pick<CallbackState, 'items'>, now: number): { open: number; overdue: number } {
  let open = 0;
  let overdue = 0;
  for (const c of Object.values(state.items)) {
    if (!isOpenCallback(c)) continue;
    open++;
    if (Date.parse(c.dueAt) <= now) overdue++;
  }
  return { open, overdue };
}
