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

/**
 * How long an "as soon as possible" request is due rather than late: it is due the moment it
 * arrives (or the site opens), and a queue needs a little while to reach a new call.
 */
export const ASAP_GRACE_MS = 15 * 60_000;

/** When an open request turns overdue: a chosen time when it starts, an "as soon as possible" one `ASAP_GRACE_MS` after it fell due. */
export function overdueAt(item: Pick<CallbackItem, 'dueAt' | 'asap'>): number {
  return Date.parse(item.dueAt) + (item.asap ? ASAP_GRACE_MS : 0);
}

/** Whether an open request is overdue at `now`. */
export function isOverdue(item: CallbackItem, now: number): boolean {
  return isOpenCallback(item) && overdueAt(item) <= now;
}

/** Open and overdue requests, for the navigation. */
export function callbackCounts(state: Pick<CallbackState, 'items'>, now: number): { open: number; overdue: number } {
  let open = 0;
  let overdue = 0;
  for (const c of Object.values(state.items)) {
    if (!isOpenCallback(c)) continue;
    open++;
    if (overdueAt(c) <= now) overdue++;
  }
  return { open, overdue };
}
