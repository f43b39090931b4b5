import type { ChatStore } from '../state/store';
import type { OutboxEntry } from '../state/types';
import type { SavedOutboxEntry, SiteStorage } from '../storage';

/** Outbox entries as a reload finds them: whatever was in flight is queued again. */
export function restoreOutbox(saved: SavedOutboxEntry[]): OutboxEntry[] {
  return saved.map((e) => ({
    id: e.id,
    text: e.text,
    createdAt: e.createdAt,
    state: e.error ? 'failed' : 'queued',
    error: (e.error as OutboxEntry['error']) ?? null,
  }));
}

function save(outbox: OutboxEntry[]): SavedOutboxEntry[] {
  return outbox.map((e) => ({ id: e.id, text: e.text, createdAt: e.createdAt, ...(e.error ? { error: e.error } : {}) }));
}

/**
 * The saved outbox after this tab's outbox went from `before` to `now`. Other tabs of the site
 * save theirs in the same place: their entries stay, only what this tab added, changed or sent
 * is written, so closing one tab while offline cannot lose what another queued.
 */
export function mergeSaved(saved: SavedOutboxEntry[], before: OutboxEntry[], now: OutboxEntry[]): SavedOutboxEntry[] {
  const mine = new Set(now.map((e) => e.id));
  const sent = new Set(before.filter((e) => !mine.has(e.id)).map((e) => e.id));
  const others = saved.filter((e) => !mine.has(e.id) && !sent.has(e.id));
  return [...others, ...save(now)].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** Keeps the outbox and the conversation id in storage, so a reload loses nothing. */
export function persistChat(store: ChatStore, storage: SiteStorage): () => void {
  return store.subscribe((s, previous) => {
    if (s.outbox !== previous.outbox) storage.write({ outbox: mergeSaved(storage.read().outbox, previous.outbox, s.outbox) });
    const id = s.conversation?.id ?? null;
    if (id !== (previous.conversation?.id ?? null) && id) storage.write({ conversationId: id });
  });
}
