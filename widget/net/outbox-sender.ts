import type { Message } from '../../protocol/types';
import { nextToSend } from '../state/selectors';
import type { ChatStore } from '../state/store';
import type { Action } from '../state/types';
import { request, type VisitorSocket } from './socket';
import { startOutbox } from '../../client/outbox/sender';

/**
 * The chat's outbox on the shared sender: the queue is the chat state's, the messages go as
 * `message:send` while `online` (the hello answered).
 */
export function startOutboxSender(
  store: ChatStore,
  socket: VisitorSocket,
  online: () => boolean,
  stored: (m: Message) => void,
): () => void {
  return startOutbox(
    {
      next: () => nextToSend(store.get()),
      online,
      mark: (id, state, refusal) => store.dispatch({ type: `outbox/${state}`, id, error: refusal?.code } as Action),
      subscribe: (listener) => store.subscribe(listener),
    },
    (entry) => request(socket, 'message:send', { id: entry.id, conversationId: store.get().conversation?.id ?? null, text: entry.text }),
    stored,
  );
}
