// What the callbacks and feedback sections share: items by id that arrive out of order, lists
// that prove an item left a view, and one item open with its details.

interface Stamped {
  id: string;
  updatedAt: string;
}

/** Whether `next` may replace `held`: copies arrive out of order, and time never steps back. */
export function newer<T extends Stamped>(held: T | undefined, next: T): boolean {
  return !held || next.updatedAt >= held.updatedAt;
}

export interface Listing<T> {
  /** The items the server listed for one view. */
  items: T[];
  /** When the list was asked for, on the section's tick. */
  tick: number;
  /** Whether `items` is the whole view. */
  complete: boolean;
}

/**
 * The held items, less those of the listed view a complete list no longer has: they changed
 * while no push reached us. Kept: items pushed after the list was asked for, and the open one.
 */
export function withoutUnlisted<T extends Stamped>(
  state: { items: Record<string, T>; pushedAt: Record<string, number>; open: { id: string } | null },
  list: Listing<T>,
  inView: (item: T) => boolean,
): Record<string, T> {
  const items = { ...state.items };
  if (!list.complete) return items;
  const listedIds = new Set(list.items.map((t) => t.id));
  for (const t of Object.values(state.items)) {
    const fresh = (state.pushedAt[t.id] ?? 0) > list.tick;
    if (!listedIds.has(t.id) && !fresh && t.id !== state.open?.id && inView(t)) delete items[t.id];
  }
  return items;
}

interface OpenSlot {
  id: string;
  loading: boolean;
  error: string | null;
}

interface Section {
  alerts: { id: string }[];
  open: OpenSlot | null;
}

/** Opening an item (again, or a new one with `empty` details): it loads, and its alert is answered. */
export function openRequested<S extends Section>(state: S, id: string, empty: NonNullable<S['open']>): S {
  const alerts = state.alerts.filter((a) => a.id !== id);
  const open = state.open?.id === id ? { ...state.open, loading: true, error: null } : empty;
  return { ...state, alerts, open };
}

/** The open item could not be read; an answer about one no longer open changes nothing. */
export function openFailed<S extends Pick<Section, 'open'>>(state: S, id: string, error: string): S {
  if (state.open?.id !== id) return state;
  return { ...state, open: { ...state.open, loading: false, error } };
}
