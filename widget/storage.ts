/** One queued message as it survives a reload. */
export interface SavedOutboxEntry {
  id: string;
  text: string;
  createdAt: string;
  /** Set when the server refused it for good; the visitor may retry. */
  error?: string;
}

/** What the widget keeps for one site in the visitor's browser. */
export interface Saved {
  token: string | null;
  /** Set once the visitor has a conversation: the next page load reconnects at once. */
  conversationId: string | null;
  outbox: SavedOutboxEntry[];
}

/** Read and write the widget's saved data for one site. */
export interface SiteStorage {
  read(): Saved;
  /** Merges a change into what is saved; never throws. */
  write(change: Partial<Saved>): void;
}

const empty = (): Saved => ({ token: null, conversationId: null, outbox: [] });

/**
 * The site's entry in localStorage (the key comes from the loader, see `embed/saved-chat.ts`).
 * Only the panel uses this, so writes happen only after the visitor opened the chat.
 * Every access is guarded: Safari private mode and blocked storage throw.
 */
export function siteStorage(key: string, backend: () => Storage = () => localStorage): SiteStorage {
  const read = (): Saved => {
    try {
      const raw = backend().getItem(key);
      const parsed = raw ? (JSON.parse(raw) as Partial<Saved>) : {};
      return {
        token: typeof parsed.token === 'string' ? parsed.token : null,
        conversationId: typeof parsed.conversationId === 'string' ? parsed.conversationId : null,
        outbox: Array.isArray(parsed.outbox) ? parsed.outbox.filter((e) => typeof e?.id === 'string' && typeof e.text === 'string') : [],
      };
    } catch {
      return empty();
    }
  };
  return {
    read,
    write(change) {
      try {
        const next = { ...read(), ...change };
        if (!next.token && !next.conversationId && next.outbox.length === 0) backend().removeItem(key);
        else backend().setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the chat still works for this page view.
      }
    },
  };
}
