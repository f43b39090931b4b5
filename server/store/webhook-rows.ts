import { int, intOrNull, iso, isoOrNull, json, pick, text, textOrNull, type Row } from './rows';
import type { WebhookDeliveryStatus } from '../../protocol/webhooks';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './types';

// Row mappers of the webhook tables, for both stores.

/** A webhook endpoint row. */
export function toWebhookEndpoint(r: Row): WebhookEndpointRow {
  return {
    ...pick(r, text, 'id', 'url', 'secret'),
    events: json<string[]>(r.events),
    ...pick(r, textOrNull, 'siteId', 'description', 'oldSecret'),
    ...pick(r, isoOrNull, 'oldSecretUntil', 'failingSince', 'disabledAt'),
    ...pick(r, iso, 'createdAt', 'updatedAt'),
  };
}

/** A webhook delivery row. */
export function toWebhookDelivery(r: Row): WebhookDeliveryRow {
  return {
    ...pick(r, text, 'id', 'endpointId', 'eventType', 'body'),
    orderKey: textOrNull(r.order_key),
    status: r.status as WebhookDeliveryStatus,
    attempts: int(r.attempts),
    responseStatus: intOrNull(r.response_status),
    lastError: textOrNull(r.last_error),
    ...pick(r, iso, 'nextAttemptAt', 'createdAt', 'updatedAt'),
    deliveredAt: isoOrNull(r.delivered_at),
  };
}

/** Column names of an endpoint patch's fields. */
export const ENDPOINT_COLUMNS: Record<string, string> = {
  url: 'url',
  events: 'events',
  siteId: 'site_id',
  description: 'description',
  secret: 'secret',
  oldSecret: 'old_secret',
  oldSecretUntil: 'old_secret_until',
  failingSince: 'failing_since',
  disabledAt: 'disabled_at',
  updatedAt: 'updated_at',
};

/** A patch as column/value pairs (events as JSON text). */
export function endpointPatchColumns(patch: object): [string, unknown][] {
  return Object.entries(patch)
    .filter(([k, v]) => v !== undefined && k in ENDPOINT_COLUMNS)
    .map(([k, v]) => [ENDPOINT_COLUMNS[k]!, k === 'events' ? JSON.stringify(v) : v]);
}

/** An endpoint's columns in the order both stores insert them (id, url, events, … created_at, updated_at). */
export function webhookEndpointValues(e: WebhookEndpointRow): unknown[] {
  return [
    e.id,
    e.url,
    JSON.stringify(e.events),
    e.siteId,
    e.description,
    e.secret,
    e.oldSecret,
    e.oldSecretUntil,
    e.failingSince,
    e.disabledAt,
    e.createdAt,
    e.updatedAt,
  ];
}
