import type { Message } from '../../protocol/types';
import { nextToSend } from '../state/selectors';
import type { ChatStore } from '../state/store';
import type { SendError } from '../state/types';
import { backoff } from './backoff';
import { request, type VisitorSocket } from './socket';

/** Failures worth another try later; any other code means the server will never take the message. */
const TRANSIENT: ReadonlySet<SendError> = new Set(['timeout', 'rate_limited', 'internal']);

/** Whether a send failure should keep the message queued rather than mark it failed. */
export function isTransient(code: SendError): boolean {
  return TRANSIENT.has(code);
}

/**
 * Sends the outbox one message at a time, in order, with each message's own id, and only
 * while online (never into socket.io's send buffer). Transient failures pause the queue
 * with backoff; a reconnect resumes it at once.
 */
export function startOutboxSender(store: ChatStore, socket: VisitorSocket, stored: (m: Message) => void): () => void {
  let attempt = 0;
  let paused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const pause = () => {
    paused = true;
    timer = setTimeout(() => {
      paused = false;
      kick();
    }, backoff(attempt++));
  };

  function kick() {
    const s = store.get();
    if (paused || s.connection !== 'online') return;
    const entry = nextToSend(s);
    if (!entry) return;
    store.dispatch({ type: 'outbox/sending', id: entry.id });
    const payload = { id: entry.id, conversationId: s.conversation?.id ?? null, text: entry.text };
    void request(socket, 'message:send', payload).then((res) => {
      if (res.ok) {
        attempt = 0;
        stored(res.data);
      } else if (isTransient(res.code)) {
        // Pause first: the dispatch below notifies this sender, which must not resend at once.
        pause();
        store.dispatch({ type: 'outbox/queued', id: entry.id });
      } else {
        store.dispatch({ type: 'outbox/failed', id: entry.id, error: res.code });
      }
      kick();
    });
  }

  const unsubscribe = store.subscribe((s, previous) => {
    if (s.connection === 'online' && previous.connection !== 'online') {
      clearTimeout(timer);
      paused = false;
      attempt = 0;
    }
    kick();
  });
  kick();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
