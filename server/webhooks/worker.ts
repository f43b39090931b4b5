import { startDrainLoop } from '../drain-loop';
import type { Logger } from '../log';
import type { Store, WebhookDeliveryRow, WebhookEndpointRow, WebhookOutcome } from '../store/types';
import { webhookEndpointsChanged } from './endpoint-cache';
import { onWebhookQueued } from './kick';
import { postWebhook, type SendResult } from './send';
import { webhookBackoffMs, type WebhookSettings } from './settings';
import { webhookHeaders } from './sign';

export interface WebhookWorkerOptions {
  store: Store;
  log: Logger;
  settings: WebhookSettings;
  /** Whether this node leads the cluster now: only the leader polls (claims are atomic either way). */
  leader?: () => boolean;
  /** Told once an endpoint was disabled after failing for too long. */
  onDisabled?(endpoint: WebhookEndpointRow): Promise<void>;
}

export interface WebhookWorker {
  kick(): void;
  stop(): Promise<void>;
}

const isOk = (status: number | null) => status !== null && status >= 200 && status < 300;
/** Timeouts, refused connections, 5xx and 429 may pass later; any other answer says the receiver does not want it. */
const retriable = (r: SendResult) => r.status === null || r.status >= 500 || r.status === 429;

/** The secrets that sign now: the current one, and the one before it while its grace lasts. */
export function signingSecrets(e: WebhookEndpointRow, now: number): string[] {
  const old = e.oldSecret && e.oldSecretUntil && Date.parse(e.oldSecretUntil) > now ? [e.oldSecret] : [];
  return [e.secret, ...old];
}

/**
 * Delivers queued webhooks, like the email outbox worker (claims with a claim id and a lease,
 * settled only by their claim), but each endpoint on its own: a claim skips the endpoints this
 * node is sending to, so a slow or hanging receiver holds up its own deliveries only.
 */
export function startWebhookWorker(opts: WebhookWorkerOptions): WebhookWorker {
  const { store, log, settings, leader = () => true, onDisabled } = opts;
  // A claim outlives the longest try, so no other node takes a delivery being sent.
  const leaseMs = settings.timeoutMs + 30_000;
  const busy = new Set<string>();
  const inflight = new Set<Promise<unknown>>();
  const health = async (e: WebhookEndpointRow, ok: boolean) => {
    const now = new Date();
    if (ok) {
      if (e.failingSince) await store.updateWebhookEndpoint(e.id, { failingSince: null, updatedAt: now.toISOString() });
      return;
    }
    const since = e.failingSince ?? now.toISOString();
    const disable = now.getTime() - Date.parse(since) >= settings.disableAfterMs;
    const patch = { failingSince: since, updatedAt: now.toISOString(), ...(disable ? { disabledAt: now.toISOString() } : {}) };
    const after = await store.updateWebhookEndpoint(e.id, patch);
    if (disable && after) {
      webhookEndpointsChanged(store);
      log.warn({ endpointId: e.id }, 'webhook endpoint disabled after failing for too long');
      await onDisabled?.(after);
    }
  };

  const attempt = async (row: WebhookDeliveryRow & { claimId: string }): Promise<void> => {
    const e = await store.getWebhookEndpoint(row.endpointId);
    if (!e || e.disabledAt) {
      await store.settleWebhookDelivery(row.id, row.claimId, { status: 'failed', responseStatus: null, error: 'the endpoint is disabled' });
      return;
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = webhookHeaders(signingSecrets(e, settings.now()), row.id, timestamp, row.body);
    const r = await postWebhook(e.url, headers, row.body, settings);
    const ok = isOk(r.status);
    let outcome: WebhookOutcome;
    if (ok) {
      outcome = { status: 'delivered', responseStatus: r.status, error: null };
    } else {
      const wait = Math.min(r.retryAfterMs ?? webhookBackoffMs(row.attempts, settings), settings.retryCapMs);
      const late = Date.now() + wait - Date.parse(row.createdAt) > settings.retryForMs;
      const error = r.error ?? `answered ${r.status}`;
      outcome =
        retriable(r) && !late
          ? { status: 'pending', retryInMs: wait, responseStatus: r.status, error }
          : { status: 'failed', responseStatus: r.status, error };
      log.info({ deliveryId: row.id, endpointId: e.id, attempts: row.attempts, error, next: outcome.status }, 'webhook delivery failed');
    }
    await store.settleWebhookDelivery(row.id, row.claimId, outcome);
    await health(e, ok);
  };

  const deliver = (row: WebhookDeliveryRow & { claimId: string }) =>
    attempt(row).catch((err) => log.error({ err, deliveryId: row.id }, 'webhook delivery could not be recorded'));

  const loop = startDrainLoop({
    async drain() {
      const rows = await store.claimWebhookDeliveries(leaseMs, 20, [...busy]);
      const groups = new Map<string, (WebhookDeliveryRow & { claimId: string })[]>();
      for (const r of rows) groups.set(r.endpointId, [...(groups.get(r.endpointId) ?? []), r]);
      for (const [endpointId, list] of groups) {
        busy.add(endpointId);
        // Not awaited: the next claim goes on for the other endpoints while this one is sent to.
        const done: Promise<unknown> = Promise.all(list.map(deliver)).finally(() => {
          busy.delete(endpointId);
          inflight.delete(done);
          loop.kick();
        });
        inflight.add(done);
      }
      return rows.length > 0;
    },
    pollMs: settings.pollMs,
    leader,
    log,
    what: 'webhook worker',
  });
  const unhook = onWebhookQueued(store, () => loop.kick());
  return {
    kick: () => loop.kick(),
    stop() {
      unhook();
      // Tries under way end within the timeout; an unsettled one is taken up after its lease.
      return loop.stop(settings.timeoutMs + 1000, () => Promise.all(inflight));
    },
  };
}
