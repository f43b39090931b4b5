import type { Logger } from './log';

export interface DrainLoopOptions {
  /** One pass over the due work; true when there may be more due at once (a full batch). */
  drain(): Promise<boolean>;
  /** How often to look when nobody kicks. */
  pollMs: number;
  /** Whether this node leads now: only the leader polls; a kick drains on any node. */
  leader: () => boolean;
  log: Logger;
  /** Names the loop in its error log. */
  what: string;
}

export interface DrainLoop {
  /** Look for work now (after something was queued). */
  kick(): void;
  /** Stops polling and waits up to `waitMs` for the pass under way and `also` (work it started). */
  stop(waitMs: number, also?: () => Promise<unknown>): Promise<void>;
}

/**
 * The outbox workers' loop (email, webhooks): one pass at a time, again at once while a pass says
 * there is more or a kick came during it, else a poll timer, on the cluster's leader only.
 */
export function startDrainLoop(o: DrainLoopOptions): DrainLoop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const loop = async () => {
    do {
      again = false;
      if (await o.drain()) again = true;
    } while (again && !stopped);
  };
  const tick = (polled = false) => {
    if (stopped) return;
    if (polled && !running && !o.leader()) {
      timer = setTimeout(() => tick(true), o.pollMs);
      return;
    }
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = loop()
      .catch((err) => o.log.error({ err }, `${o.what} failed`))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(() => tick(true), o.pollMs);
      });
  };
  tick(true);

  return {
    kick: () => tick(),
    async stop(waitMs, also) {
      stopped = true;
      if (timer) clearTimeout(timer);
      // Work that hangs must not hold up shutdown; its lease lets the next start take it up.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all([running, also?.()]), new Promise((resolve) => (waited = setTimeout(resolve, waitMs)))]);
      clearTimeout(waited);
    },
  };
}
