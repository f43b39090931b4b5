import type { ConversationSummary } from '../../protocol/types';

export { deliveryId, endpointWants, webhookBody } from '../webhooks/recording';

/**
 * One webhook event a change records in its own transaction, so the change and its deliveries
 * commit together or not at all. `key` names it (`message:<id>`): a delivery's id comes from the
 * key and the endpoint, so recording an event twice queues it once. Deliveries with one `orderKey`
 * go in order.
 */
export interface WebhookEventDraft {
  type: string;
  key: string;
  siteId: string | null;
  orderKey: string | null;
  /**
   * The body's data (the REST resource), or how to make it from a conversation's summary as the
   * change leaves it (read in the transaction); a null resource records nothing (it is gone).
   */
  data: { resource: unknown } | { conversationId: string; fromSummary(s: ConversationSummary): unknown };
}

/** The events of a change, made by the domain from what the change left (run inside its transaction, only when it changed something). */
export type WebhookEvents<R> = (result: R) => WebhookEventDraft[];
