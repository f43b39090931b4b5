/** How webhooks are delivered; tests shorten the times. */
export interface WebhookSettings {
  /** Connect, send and answer, all within this. */
  timeoutMs: number;
  /** Bytes of an answer read; the connection is cut beyond. */
  maxResponseBytes: number;
  /** WEBHOOKS_ALLOW_PRIVATE=1: receivers on loopback or private addresses are allowed (tests, an intranet). */
  allowPrivate: boolean;
  /** How often the leader looks for due deliveries. */
  pollMs: number;
  /** The first retry's delay; each next one doubles (with jitter), up to `retryCapMs`. */
  retryBaseMs: number;
  retryCapMs: number;
  /** A delivery is retried for this long after its event, then given up. */
  retryForMs: number;
  /** An endpoint failing for this long is disabled and admins are emailed. */
  disableAfterMs: number;
  /** After a rotation the old secret signs too for this long. */
  oldSecretMs: number;
  /** The clock that decides whether an old secret still signs (tests move it on). */
  now(): number;
}

/** The defaults: 10 s timeout, 64 KB answers, retries for a day, old secrets for a day. */
export function webhookSettings(allowPrivate: boolean, overrides: Partial<WebhookSettings> = {}): WebhookSettings {
  return {
    timeoutMs: 10_000,
    maxResponseBytes: 64 * 1024,
    allowPrivate,
    pollMs: 1000,
    retryBaseMs: 10_000,
    retryCapMs: 3_600_000,
    retryForMs: 86_400_000,
    disableAfterMs: 86_400_000,
    oldSecretMs: 86_400_000,
    now: () => Date.now(),
    ...overrides,
  };
}

/** Backoff before try n+1: base·2^(n-1) capped, with jitter (half to all of it) so many failing deliveries spread out. */
export function webhookBackoffMs(attempts: number, s: Pick<WebhookSettings, 'retryBaseMs' | 'retryCapMs'>): number {
  const full = Math.min(s.retryCapMs, s.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(full / 2 + (Math.random() * full) / 2);
}
