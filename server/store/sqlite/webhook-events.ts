import { toSummary, type Row } from '../rows';
import { SUMMARY_SELECT } from '../shared-sql';
import { deliveryId, endpointWants, ITEM_TAGS, webhookBody, withTags, type WebhookEventDraft, type WebhookEvents } from '../webhook-events';
import { toWebhookEndpoint } from '../webhook-rows';
import type { SqliteContext } from './context';

/** The body's data of an event, read in the transaction; null when its resource is gone. */
function dataOf(c: SqliteContext, d: WebhookEventDraft): unknown {
  const tags = (kind: string, id: string) => (c.q(ITEM_TAGS).all(kind, id) as Row[]).map((r) => r.tag as string);
  if (!('conversationId' in d.data))
    return d.data.tagged ? withTags(d.data.resource, tags(d.data.tagged.kind, d.data.tagged.id)) : d.data.resource;
  const r = c.q(`${SUMMARY_SELECT} WHERE c.id = ?`).get(d.data.conversationId) as Row | undefined;
  return r ? d.data.fromSummary(toSummary(r, c.rules.visitorName), tags('conversation', d.data.conversationId)) : null;
}

/**
 * Queues a delivery of each event for every endpoint that wants it. Call inside the change's
 * transaction: the change and its deliveries commit together. A known delivery id inserts nothing.
 */
export function recordWebhookEvents<R>(c: SqliteContext, events: WebhookEvents<R> | undefined, result: R): void {
  const drafts = events?.(result) ?? [];
  if (!drafts.length) return;
  const endpoints = (c.q('SELECT * FROM webhook_endpoints WHERE disabled_at IS NULL ORDER BY created_at, rowid').all() as Row[]).map(
    toWebhookEndpoint,
  );
  const insert = c.q(
    `INSERT INTO webhook_deliveries (id, endpoint_id, event_type, order_key, body, status, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const now = new Date();
  const at = now.toISOString();
  for (const d of drafts) {
    const to = endpoints.filter((e) => endpointWants(e, d));
    const data = to.length ? dataOf(c, d) : null;
    if (data === null || data === undefined) continue;
    const body = webhookBody(d.type, data, now);
    for (const e of to) insert.run(deliveryId(d.key, e.id), e.id, d.type, d.orderKey, body, at, at, at);
  }
}
