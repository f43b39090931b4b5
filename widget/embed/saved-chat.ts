import type { Saved } from '../storage';

/**
 * Whether the visitor already chatted here (a token with a conversation, or unsent
 * messages), so the panel may connect before any click. Only reads: nothing is written
 * before the visitor opens the chat.
 */
export function hasSavedChat(key: string): boolean {
  try {
    // Nothing saved is `JSON.parse(null)`, which is null.
    const saved = JSON.parse(localStorage.getItem(key) as string) as Partial<Saved> | null;
    return !!((saved?.token && saved.conversationId) || saved?.outbox?.length);
  } catch {
    return false;
  }
}
