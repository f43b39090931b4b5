/** Where the widget keeps a site's data in localStorage; the panel is told this key. */
export function storageKey(siteId: string): string {
  return `earshot:${siteId}`;
}

/**
 * Whether the visitor already chatted here (a token with a conversation, or unsent
 * messages), so the panel may connect before any click. Only reads: nothing is written
 * before the visitor opens the chat.
 */
export function hasSavedChat(key: string, storage: () => Storage = () => localStorage): boolean {
  try {
    const saved = JSON.parse(storage().getItem(key) ?? '{}') as { token?: unknown; conversationId?: unknown; outbox?: unknown[] };
    return (!!saved.token && !!saved.conversationId) || !!saved.outbox?.length;
  } catch {
    return false;
  }
}
