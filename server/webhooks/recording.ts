import { createHash } from 'node:crypto';
import type { WebhookEndpointRow } from '../store/types';

// What recording an event takes, in the store (in the change's transaction) and in the domain: the
// body, the delivery id, and whether an endpoint gets it.

/** The body sent: `{ type, timestamp, data }`, data being the REST API's resource. */
export function webhookBody(type: string, data: unknown, at = new Date()): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

/** The delivery id (the `webhook-id`) of an event for an endpoint: the same however often the event is recorded. */
export function deliveryId(key: string, endpointId: string): string {
  return `msg_${createHash('sha256').update(`${key}\n${endpointId}`).digest('base64url').slice(0, 27)}`;
}

/** Whether an endpoint gets an event: on, asking for its type, and for its site (or every site). */
export function endpointWants(e: WebhookEndpointRow, d: { type: string; siteId: string | null }): boolean {
  return !e.disabledAt && e.events.includes(d.type) && (!e.siteId || !d.siteId || e.siteId === d.siteId);
}
