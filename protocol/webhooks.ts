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
