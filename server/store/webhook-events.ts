import type { ConversationSummary, TaggedKind } from '../../protocol/types';

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
   * `tagged` names the item whose tags (read in the transaction) replace the resource's `tags`.
   */
  data:
    | { resource: unknown; tagged?: { kind: TaggedKind; id: string } }
    | { conversationId: string; fromSummary(s: ConversationSummary, tags: string[]): unknown };
}

/** One item's tags, sorted (`?` placeholders; numbered on Postgres). */
export const ITEM_TAGS = 'SELECT tag FROM item_tags WHERE item_kind = ? AND item_id = ? ORDER BY tag';

/** A resource with the item's tags in its `tags` (where the field already is). */
export const withTags = (resource: unknown, tags: string[]) => ({ ...(resource as object), tags });

/** The events of a change, made by the domain from what the change left (run inside its transaction, only when it changed something). */
export type WebhookEvents<R> = (result: R) => WebhookEventDraft[];
