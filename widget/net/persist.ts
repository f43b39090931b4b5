import { mergeSaved } from '../../client/outbox/saved';
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

/** Keeps the outbox and the conversation id in storage, so a reload loses nothing. */
export function persistChat(store: ChatStore, storage: SiteStorage): () => void {
  return store.subscribe((s, previous) => {
    if (s.outbox !== previous.outbox) storage.write({ outbox: mergeSaved(storage.read().outbox, previous.outbox, save(s.outbox)) });
    const id = s.conversation?.id ?? null;
    if (id !== (previous.conversation?.id ?? null) && id) storage.write({ conversationId: id });
  });
}
