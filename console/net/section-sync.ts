import type { ConsoleStore } from '../state/store';
import type { ConsoleState } from '../state/types';
import type { AgentSocket } from './agent-socket';
import { listen, type Listeners } from './listen';
import type { PageSignals } from './page';

export interface SectionSync {
  /** The section's filters: when they change, the list is asked for again. */
  view(state: ConsoleState): unknown;
  refreshList(): Promise<unknown>;
  /** Reads again all the section shows: a push may have been missed. */
  catchUp(): void;
  /** The section's own pushes. */
  pushes: Listeners;
}

/**
 * Keeps a section of the console (callbacks, feedback) in step with the server: its pushes in, a fresh
 * list whenever its view changes, and a full catch-up on every (re)connect and wake, and when a site is
 * deleted (its items are gone: a fresh list drops them, and the counts they made).
 */
export function bindSectionSync(socket: AgentSocket, store: ConsoleStore, page: PageSignals, s: SectionSync): () => void {
  const unsubscribe = store.subscribe((state, previous) => {
    if (s.view(state) !== s.view(previous) && socket.connected) void s.refreshList();
  });
  const unlisten = listen(socket, { ...s.pushes, connect: () => s.catchUp(), 'site:deleted': () => s.catchUp() });
  const offWake = page.onWake(() => {
    if (socket.connected) s.catchUp();
  });
  return () => {
    unsubscribe();
    offWake();
    unlisten();
  };
}
