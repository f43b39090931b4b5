/** The webhook events an endpoint may ask for (server and console share the list). */
export const WEBHOOK_EVENTS = [
  'conversation.created',
  'message.created',
  'conversation.resolved',
  'callback.requested',
  'callback.completed',
  'feedback.created',
  'survey.submitted',
  'contact.updated',
] as const;

export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** A webhook endpoint as admins see it: never its secrets. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  /** Event types sent to it. */
  events: string[];
  /** Only this site's events, or every site's when null. */
  siteId: string | null;
  description: string | null;
  /** Until when the secret before the last rotation still signs too. */
  oldSecretUntil: string | null;
  /** Since when every delivery has failed; null while it answers. */
  failingSince: string | null;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One event's delivery to an endpoint: its id is the `webhook-id`, the same on every try. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}
