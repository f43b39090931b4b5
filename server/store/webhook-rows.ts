import { iso, isoOrNull, json, type Row } from './rows';
import type { WebhookDeliveryStatus } from '../../protocol/webhooks';
import type { WebhookDeliveryRow, WebhookEndpointRow } from './types';

// Row mappers of the webhook tables, for both stores.

/** A webhook endpoint row. */
export function toWebhookEndpoint(r: Row): WebhookEndpointRow {
  return {
    id: r.id as string,
    url: r.url as string,
    events: json<string[]>(r.events),
    siteId: (r.site_id as string | null) ?? null,
    description: (r.description as string | null) ?? null,
    secret: r.secret as string,
    oldSecret: (r.old_secret as string | null) ?? null,
    oldSecretUntil: isoOrNull(r.old_secret_until),
    failingSince: isoOrNull(r.failing_since),
    disabledAt: isoOrNull(r.disabled_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** A webhook delivery row. */
export function toWebhookDelivery(r: Row): WebhookDeliveryRow {
  return {
    id: r.id as string,
    endpointId: r.endpoint_id as string,
    eventType: r.event_type as string,
    orderKey: (r.order_key as string | null) ?? null,
    body: r.body as string,
    status: r.status as WebhookDeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: iso(r.next_attempt_at),
    responseStatus: r.response_status === null || r.response_status === undefined ? null : Number(r.response_status),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
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
