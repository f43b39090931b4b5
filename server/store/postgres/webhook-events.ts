import { toSummary } from '../rows';
import { SUMMARY_SELECT } from '../shared-sql';
import type { StoreRules } from '../types';
import { numbered } from '../shared-sql';
import { ITEM_TAGS, webhookBody, withTags, type WebhookEventDraft, type WebhookEvents } from '../webhook-events';
import type { Db } from './db';

const ITEM_TAGS_PG = `${numbered(ITEM_TAGS)} COLLATE "C"`;

/** The body's data of an event, read in the transaction; null when its resource is gone. */
async function dataOf(t: Db, rules: StoreRules, d: WebhookEventDraft): Promise<unknown> {
  const tags = async (kind: string, id: string) => (await t.rows(ITEM_TAGS_PG, [kind, id])).map((r) => r.tag as string);
  if (!('conversationId' in d.data))
    return d.data.tagged ? withTags(d.data.resource, await tags(d.data.tagged.kind, d.data.tagged.id)) : d.data.resource;
  const r = await t.one(`${SUMMARY_SELECT} WHERE c.id = $1`, [d.data.conversationId]);
  return r ? d.data.fromSummary(toSummary(r, rules.visitorName), await tags('conversation', d.data.conversationId)) : null;
}

/**
 * Queues a delivery of each event for every endpoint that wants it, one statement an event (the
 * endpoints are chosen in it, and the delivery id made as `deliveryId` makes it). Call inside the
 * change's transaction: the change and its deliveries commit together. A known delivery id inserts nothing.
 */
export async function recordWebhookEvents<R>(t: Db, rules: StoreRules, events: WebhookEvents<R> | undefined, result: R): Promise<void> {
  const now = new Date();
  for (const d of events?.(result) ?? []) {
    const data = await dataOf(t, rules, d);
    if (data === null || data === undefined) continue;
    await t.run(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_type, order_key, body, status, next_attempt_at, created_at, updated_at)
       SELECT 'msg_' || left(translate(encode(sha256(convert_to($1 || chr(10) || e.id, 'UTF8')), 'base64'), '+/', '-_'), 27),
         e.id, $2::text, $3::text, $4::text, 'pending', $5::timestamptz, $5::timestamptz, $5::timestamptz
       FROM webhook_endpoints e
       WHERE e.disabled_at IS NULL AND e.events ? $2::text AND (e.site_id IS NULL OR $6::text IS NULL OR e.site_id = $6)
       ORDER BY e.created_at, e.n
       ON CONFLICT (id) DO NOTHING`,
      [d.key, d.type, d.orderKey, webhookBody(d.type, data, now), now.toISOString(), d.siteId],
    );
  }
}
