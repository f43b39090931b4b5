import type { Result, SendError } from '../request';
import { backoff } from './backoff';

/**
 * Failures worth another try with the same id: no answer (`timeout`, which is also what a
 * dropped connection gives), too many at once (`rate_limited`), the server's own trouble
 * (`internal`; the id makes a retry safe), or its database being down for now (`unavailable`:
 * nothing was stored, and it comes back by itself). Any other code is the server refusing this command
 * for good (invalid, too long, forbidden, not found, a `duplicate_id` of someone else's…),
 * which sending it again cannot change.
 */
const TRANSIENT: ReadonlySet<SendError> = new Set(['timeout', 'rate_limited', 'internal', 'unavailable']);

/** Whether a send failure should keep the command queued rather than mark it failed. */
export function isTransient(code: SendError): boolean {
  return TRANSIENT.has(code);
}

/** The refusal of a failed command, for the UI to show. */
export type Refusal = Extract<Result<unknown>, { ok: false }>;

/** What the outbox asks of the app's own state, whatever store holds the queue. */
export interface OutboxQueue<E> {
  /** The command to send now, or null (none queued, or one is in flight). In order. */
  next(): E | null;
  /** Only while this is true is anything sent, never into socket.io's send buffer. */
  online(): boolean;
  /** The command is in flight, back in the queue after a transient failure, or refused for good. */
  mark(id: string, state: 'sending' | 'queued' | 'failed', refusal?: Refusal): void;
  /** Calls back on every change that may let a command go (one queued, the connection back). */
  subscribe(listener: () => void): () => void;
}

/**
 * Sends the queue one command at a time, in order, each with its own id, and only while online.
 * A transient failure puts it back and pauses the queue with backoff; a reconnect resumes it at
 * once. `send` answers the server's ack; `stored` gets what the server stored.
 */
export function startOutbox<E extends { id: string }, D>(
  queue: OutboxQueue<E>,
  send: (e: E) => Promise<Result<D>>,
  stored: (data: D, e: E) => void,
): () => void {
  let attempt = 0;
  /** Set while the queue waits out a backoff. */
  let pause: ReturnType<typeof setTimeout> | undefined;

  function kick() {
    if (!queue.online()) {
      // Whatever pause a lost connection caused ends with it: the reconnect sends at once.
      clearTimeout(pause);
      pause = undefined;
      attempt = 0;
      return;
    }
    const entry = !pause && queue.next();
    if (!entry) return;
    queue.mark(entry.id, 'sending');
    void send(entry).then((res) => {
      if (res.ok) {
        attempt = 0;
        stored(res.data, entry);
      } else if (TRANSIENT.has(res.code)) {
        // Pause first: marking it notifies this sender, which must not resend at once.
        pause = setTimeout(() => {
          pause = undefined;
          kick();
        }, backoff(attempt++));
        queue.mark(entry.id, 'queued');
      } else {
        queue.mark(entry.id, 'failed', res);
      }
      kick();
    });
  }

  const unsubscribe = queue.subscribe(kick);
  kick();
  return () => {
    unsubscribe();
    clearTimeout(pause);
  };
}
