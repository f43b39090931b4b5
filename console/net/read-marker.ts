import type { ConsoleStore } from '../state/store';
import type { PageSignals } from './page';

/**
 * Marks the open conversation read up to what is on screen, but only while the tab is
 * visible: an agent who is not looking has not read anything.
 */
export function bindReadMarker(
  store: ConsoleStore,
  markRead: (conversationId: string, seq: number) => Promise<boolean>,
  page: PageSignals,
): () => void {
  // Highest seq already sent per conversation, so a row update does not echo another read.
  const sent = new Map<string, number>();
  const check = () => {
    const { open, inbox } = store.get();
    if (!open || open.loading || !page.visible()) return;
    const row = inbox[open.id];
    if (!row || row.unread === 0 || open.through === 0) return;
    if ((sent.get(open.id) ?? 0) >= open.through) return;
    const { id, through } = open;
    sent.set(id, through);
    // A read the server did not take (a timeout) is sent again on the next change, such as the
    // inbox the reconnect reloads with the unread count still there.
    void markRead(id, through).then((ok) => {
      if (!ok && sent.get(id) === through) sent.delete(id);
    });
  };
  const unsubscribe = store.subscribe(check);
  const offVisibility = page.onVisibility(check);
  check();
  return () => {
    unsubscribe();
    offVisibility();
  };
}
