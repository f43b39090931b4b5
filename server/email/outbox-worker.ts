import { startDrainLoop } from '../drain-loop';
import type { Logger } from '../log';
import type { ClaimedOutboxRow, OutboxRow, Store } from '../store/types';

export interface OutboxWorkerOptions {
  store: Store;
  log: Logger;
  send: (row: OutboxRow) => Promise<void>;
  /** How often to look for due items when nobody kicks the worker. */
  pollMs?: number;
  /**
   * Whether this node leads the cluster now: only the leader polls (claims are atomic, so two
   * pollers would be safe, but N nodes polling every second is N times the queries for nothing).
   * A kick, after this node queued something, drains at once on any node.
   */
  leader?: () => boolean;
  /** How long a claim lasts; a worker that dies mid-send is replaced after this. */
  leaseMs?: number;
  maxAttempts?: number;
  /** How long `stop` waits for sends under way (they are taken up again after their lease). */
  stopWaitMs?: number;
  /**
   * Called once an attempt has been recorded (sent, put back for a retry, or failed), so
   * whoever shows delivery can tell people. Awaited; an error is logged, never retried.
   */
  onSettled?(outboxId: string): void | Promise<void>;
}

export interface OutboxWorker {
  /** Look for work now (after something was queued). */
  kick(): void;
  stop(): Promise<void>;
}

/** Backoff before attempt n+1: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** (attempts - 1));
}

/**
 * A refusal the mail server calls final for this email (5xx to its recipients or its content: no
 * such mailbox, message rejected): a retry cannot help. A 5xx to anything else (the login, the
 * sender, the connection: a wrong or missing password, STARTTLS required) is the server's set-up,
 * which an admin fixes: retried. Decided by the SMTP command refused.
 */
function permanent(err: unknown): boolean {
  const e = err as { responseCode?: unknown; command?: unknown } | null;
  const final = typeof e?.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  const command = typeof e?.command === 'string' ? e.command : '';
  return final && (command === 'DATA' || command.startsWith('RCPT'));
}

/** Sends due outbox items, marking each sent once, retrying failures with backoff. */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const {
    store,
    log,
    send,
    onSettled,
    leader = () => true,
    pollMs = 1000,
    leaseMs = 120_000,
    maxAttempts = 10,
    stopWaitMs = 10_000,
  } = opts;
  const deliver = async (row: ClaimedOutboxRow) => {
    try {
      // Claimed again and again without an outcome: each send took the process down, or never
      // came back. Sending it once more would only do that again.
      if (row.attempts > maxAttempts) throw new Error(`gave up after ${maxAttempts} attempts that never finished`);
      await send(row);
      await store.markOutboxSent(row.id, row.claimId);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const giveUp = row.attempts >= maxAttempts || permanent(err);
      const retryIn = giveUp ? null : backoffMs(row.attempts);
      log.warn({ outboxId: row.id, attempts: row.attempts, err: message, giveUp }, 'outbox delivery failed');
      await store.markOutboxRetry(row.id, row.claimId, message, retryIn);
    }
    // The row's new state is already stored: a listener's failure must not stop the drain.
    try {
      await onSettled?.(row.id);
    } catch (err) {
      log.error({ outboxId: row.id, err }, 'outbox onSettled failed');
    }
  };

  const loop = startDrainLoop({
    async drain() {
      const rows = await store.claimOutbox(leaseMs, 20);
      await Promise.all(rows.map(deliver));
      return rows.length === 20;
    },
    pollMs,
    leader,
    log,
    what: 'outbox worker',
  });
  return { kick: () => loop.kick(), stop: () => loop.stop(stopWaitMs) };
}
