import { createHash } from 'node:crypto';

// What a delivery carries, made where an event is recorded (the store, in the change's transaction) and for test events.

/** The body sent: `{ type, timestamp, data }`, data being the REST API's resource. */
export function webhookBody(type: string, data: unknown, at = new Date()): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

/** The delivery id (the `webhook-id`) of an event for an endpoint: the same however often the event is recorded. */
export function deliveryId(key: string, endpointId: string): string {
  return `msg_${createHash('sha256').update(`${key}\n${endpointId}`).digest('base64url').slice(0, 27)}`;
}
