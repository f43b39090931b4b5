import type { Saved } from '../storage';

/** Where the widget keeps a site's data in localStorage; the panel is told this key. */
export function storageKey(siteId: string): string {
  return `earshot:${siteId}`;
}

/**
 * Whether the visitor already chatted here (a token with a conversation, or unsent
 * messages), so the panel may connect before any click. Only reads: nothing is written
 * before the visitor opens the chat.
 */
export function hasSavedChat(key: string): boolean {
  try {
    // Nothing saved is `JSON.parse(null)`, which is null.
    const saved = JSON.parse(localStorage.getItem(key) as string) as Partial<Saved> | null;
    return !!(saved?.token && saved.conversationId) || !!saved?.outbox?.length;
  } catch {
    return false;
  }
}
