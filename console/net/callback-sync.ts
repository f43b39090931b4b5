import type { CallbackItem } from '../../protocol/types';
import type { ConsoleStore } from '../state/store';
import type { AgentSocket } from './agent-socket';
import type { CallbackCommands } from './callback-commands';
import type { PageSignals } from './page';
import { bindSectionSync } from './section-sync';

/**
 * Keeps the callback queue in step with the server: pushes in, a fresh list whenever the
 * view changes, and a full catch-up on every (re)connect and wake.
 */
export function bindCallbackSync(socket: AgentSocket, store: ConsoleStore, commands: CallbackCommands, page: PageSignals): () => void {
  const catchUp = () => {
    void commands.refreshList();
    const open = store.get().callbacks.open;
    if (open) void commands.open(open.id);
  };
  const onUpdated = (item: CallbackItem) => {
    const held = store.get().callbacks.items[item.id];
    store.dispatch({ type: 'callbacks/updated', item });
    // Another agent's call shows up in the open request's history at once; our own
    // change already re-read it, and an echo of it changes nothing.
    const open = store.get().callbacks.open;
    if (open?.id === item.id && !open.loading && held?.updatedAt !== item.updatedAt) void commands.open(item.id);
  };

  return bindSectionSync(socket, store, page, {
    view: (state) => state.callbacks.view,
    refreshList: commands.refreshList,
    catchUp,
    pushes: { 'callback:updated': onUpdated },
  });
}
