import { PAGE_SIZE } from '../../protocol/events';
import type { Message, MessagePage } from '../../protocol/types';
import type { ChatStore } from '../state/store';
import { request, type VisitorSocket } from './socket';

/**
 * Returns a function that fetches everything after the last gapless seq held, page by
 * page. Calls while a sync runs are folded into one more round, so triggers can fire freely.
 * `receive` gets each page and whether it is the first load of the history.
 */
export function createSync(
  store: ChatStore,
  socket: VisitorSocket,
  receive: (messages: Message[], history: boolean, through?: MessagePage) => void,
) {
  let running = false;
  let again = false;

  async function round(): Promise<void> {
    // Every page of a first load is history, not only the first: a conversation longer than a
    // page would otherwise announce its old messages as new on every page load.
    let history = false;
    for (;;) {
      const s = store.get();
      if (s.connection !== 'online' || !s.conversation) return;
      const after = s.lastSeq;
      history ||= after === 0;
      if (history) store.dispatch({ type: 'history', loading: true });
      const res = await request(socket, 'message:list', { conversationId: s.conversation.id, after });
      if (history) store.dispatch({ type: 'history', loading: false });
      // A failure is left to the next trigger (reconnect, focus, next message).
      if (!res.ok) return;
      const last = res.data.messages.length < PAGE_SIZE;
      // A short page holds everything up to the conversation's last seq: a gap below it is an agents' note, not a loss.
      receive(res.data.messages, history, last ? res.data : undefined);
      if (last || store.get().lastSeq <= after) return;
    }
  }

  return async function sync(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await round();
      } while (again);
    } finally {
      running = false;
    }
  };
}
