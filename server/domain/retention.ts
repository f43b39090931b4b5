import type { Logger } from '../log';
import type { Store, VisitorCursor } from '../store/types';

export interface RetentionOptions {
  /** How long an idle visitor and a sent email's address and text are kept. */
  keepDays?: number;
  everyMs?: number;
  /** Rows per step; the sweep yields to the event loop between steps, so chats never wait long. */
  batch?: number;
  /** Visitors connected to this node: seen now, so a tab open for weeks is never idle. */
  connected?: () => string[];
  /**
   * Whether this node leads the cluster now: every node notes its own visitors, but only the
   * leader forgets (one sweep per cluster, not one per node).
   */
  leader?: () => boolean;
}

/**
 * Forgets, once an hour, visitors who only ever opened a page (no conversation, no call back)
 * and were last seen over 30 days ago, and the addresses and text of emails sent or given up
 * over 30 days ago, webhook deliveries done with, held mail received and resume links expired over
 * 30 days ago, and each site's conversations older than its "keep conversations" days: data the
 * product does not need is not kept. Returns the stop function.
 */
export function startRetention(store: Store, log: Logger, opts: RetentionOptions = {}): () => void {
  const { keepDays = 30, everyMs = 3_600_000, batch = 500, connected = () => [], leader = () => true } = opts;
  let stopped = false;
  const sweep = async () => {
    // Every node notes its own connected visitors each sweep, so none is ever a day behind.
    const here = connected();
    for (let i = 0; i < here.length && !stopped; i += batch) {
      await store.touchVisitors(here.slice(i, i + batch), new Date().toISOString());
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (!leader()) return;
    const before = new Date(Date.now() - keepDays * 86_400_000).toISOString();
    const purge = async (what: string, message: string, step: (limit: number) => Promise<number>) => {
      for (let n = batch; n === batch && !stopped;) {
        n = await step(batch);
        if (n) log.info({ [what]: n }, message);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    // Webhook deliveries done with over `keepDays` ago: the console shows recent ones only.
    await purge('webhookDeliveries', 'retention: forgot old webhook deliveries', (n) => store.purgeWebhookDeliveries(before, n));
    // Held mail nobody dealt with, and resume links long expired.
    await purge('mail', 'retention: forgot old held mail and resume links', (n) => store.purgeMail(before, n));
    // Each site's own "keep conversations N days": those untouched longer are deleted.
    for (const site of await store.listSites()) {
      const days = site.options.keepConversationsDays;
      if (!days) continue;
      const cut = new Date(Date.now() - days * 86_400_000).toISOString();
      await purge('conversations', "retention: deleted conversations past the site's keep time", (n) =>
        store.purgeSiteConversations(site.id, cut, n),
      );
    }
    // Where the visitors were looked at up to, kept in the database between sweeps (whichever
    // node leads): each sweep reads only those whose last sight passed the cut-off since.
    let from: VisitorCursor | null = await store.retentionCursor();
    for (;;) {
      if (stopped) return;
      const { visitors, emails, next, more } = await store.purgeOld(before, from, batch);
      if (visitors || emails) log.info({ visitors, emails }, 'retention: forgot idle visitors and old email text');
      if (next) {
        from = next;
        await store.saveRetentionCursor(next);
      }
      if (!more) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const run = () => void sweep().catch((err) => log.error({ err }, 'retention sweep failed'));
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
