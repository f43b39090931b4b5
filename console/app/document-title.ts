import { totalUnread } from '../state/selectors';
import type { ConsoleStore } from '../state/store';

/** The tab title for a total unread count: "(3) Earshot", so it shows among many tabs. */
export function titleFor(unread: number): string {
  return unread > 0 ? `(${unread > 99 ? '99+' : unread}) Earshot` : 'Earshot';
}

/** Keeps `document.title` on the total unread count. */
export function bindDocumentTitle(store: ConsoleStore, doc: Pick<Document, 'title'> = document): () => void {
  const update = () => {
    const title = titleFor(store.get().auth === 'signed-in' ? totalUnread(store.get()) : 0);
    if (doc.title !== title) doc.title = title;
  };
  update();
  return store.subscribe(update);
}
