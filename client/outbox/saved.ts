/** What every saved outbox entry has, whatever else the app keeps in it. */
export interface SavedEntry {
  id: string;
  createdAt: string;
  /** Set when the server refused it for good; the person may retry. */
  error?: string;
}

/**
 * The saved outbox after this tab's outbox went from `before` to `now` (already in saved form).
 * Other tabs save theirs in the same place: their entries stay, only what this tab added,
 * changed or sent is written, so closing one tab while offline cannot lose what another queued.
 */
export function mergeSaved<T extends SavedEntry>(saved: T[], before: { id: string }[], now: T[]): T[] {
  // What this tab held before or holds now is its own to write (or, once sent, to drop).
  const mine = new Set([...before, ...now].map((e) => e.id));
  return [...saved.filter((e) => !mine.has(e.id)), ...now].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
}

/** A list kept under one storage key: the adapter an outbox is saved through. */
export interface ListStorage<T> {
  /** What is saved, only the entries `valid` accepts; empty when storage is blocked. */
  read(): T[];
  /** Replaces what is saved (an empty list removes the key); never throws. */
  write(list: T[]): void;
}

/**
 * `key` in localStorage (or `backend`, for tests) as a list of entries. Every access is
 * guarded: Safari private mode and blocked storage throw, and the app still works without it.
 */
export function storedList<T>(key: string, valid: (e: unknown) => e is T, backend: () => Storage = () => localStorage): ListStorage<T> {
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(backend().getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(valid) : [];
      } catch {
        return [];
      }
    },
    write(list) {
      try {
        if (list.length === 0) backend().removeItem(key);
        else backend().setItem(key, JSON.stringify(list));
      } catch {
        // Storage full or blocked: the queue still works for this page view.
      }
    },
  };
}
