import { createHash } from 'node:crypto';
import type { FeedbackItem, Message } from '../../../protocol/types';
import type { WebhookEventName } from '../../../protocol/webhooks';
import { callbackResource, conversationResource, feedbackResource, messageResource } from '../../api/resources';
import { visitorResource } from '../../api/visitor-routes';
import type { CallbackRow, Store, VisitorRow } from '../../store/types';
import { webhookQueued } from '../../webhooks/kick';

export type WebhookEventType = WebhookEventName | 'webhook.test';

/**
 * One event: `key` names it (`message.created:<message id>`), its site is for endpoints' site
 * filters, and deliveries with one `orderKey` go in order.
 */
export interface WebhookEvent {
  type: WebhookEventType;
  key: string;
  siteId: string | null;
  orderKey: string | null;
  /** The resource, read only when some endpoint wants the event; null skips it (the resource is gone). */
  data(): unknown;
}

/** The body sent: `{ type, timestamp, data }`, data being the REST API's resource. */
export function webhookBody(type: string, data: unknown, at = new Date()): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

/** The delivery id (the `webhook-id`) of an event for an endpoint: the same however often the event is queued. */
export function deliveryId(key: string, endpointId: string): string {
  return `msg_${createHash('sha256').update(`${key}\n${endpointId}`).digest('base64url').slice(0, 27)}`;
}

/**
 * Queues one delivery of `event` for each endpoint that wants it. This runs right after the
 * change is committed, in the same domain function, not in the change's own transaction (the
 * stores' changes are transactions of their own). The delivery ids come from the event's key, so
 * queueing an event again queues nothing: a step retried with its id (a visitor's outbox resends
 * a message, a form is sent again) queues what a failure or crash right after the change left
 * unqueued. Without such a retry, a crash in the instant between the change and this insert loses
 * that event's webhooks; a failure here rejects, so the caller answers an error and may retry.
 */
export async function emitWebhook(store: Store, event: WebhookEvent): Promise<void> {
  const endpoints = (await store.listWebhookEndpoints()).filter(
    (e) => !e.disabledAt && e.events.includes(event.type) && (!e.siteId || !event.siteId || e.siteId === event.siteId),
  );
  if (!endpoints.length) return;
  const data: unknown = await event.data();
  if (data === null) return;
  const now = new Date();
  const body = webhookBody(event.type, data, now);
  await store.enqueueWebhookDeliveries(
    endpoints.map((e) => ({
      id: deliveryId(event.key, e.id),
      endpointId: e.id,
      eventType: event.type,
      orderKey: event.orderKey,
      body,
      createdAt: now.toISOString(),
    })),
  );
  webhookQueued(store);
}

/** A new message (and, for a conversation's first one, `conversation.created` before it). */
export async function emitMessage(store: Store, m: Message, siteId: string): Promise<void> {
  // Automatic answers are no one's message; notes are for agents only, never a visitor-facing message.
  if (m.author === 'system' || m.note) return;
  const orderKey = m.conversationId;
  if (m.seq === 1) {
    const data = async () => {
      const summary = await store.getSummary(m.conversationId);
      return summary && conversationResource(summary);
    };
    await emitWebhook(store, { type: 'conversation.created', key: `conversation:${m.conversationId}`, siteId, orderKey, data });
  }
  await emitWebhook(store, { type: 'message.created', key: `message:${m.id}`, siteId, orderKey, data: () => messageResource(m) });
}

/** A conversation resolved, or its survey given, as the conversation resource; `at` tells one resolving from the next. */
export async function emitConversation(
  store: Store,
  type: 'conversation.resolved' | 'survey.submitted',
  c: { id: string; siteId: string },
  at: string,
): Promise<void> {
  const data = async () => {
    const summary = await store.getSummary(c.id);
    if (!summary) return null;
    const resource = conversationResource(summary, (await store.tagsOf('conversation', [c.id]))[c.id]);
    return type === 'survey.submitted' ? { ...resource, survey: summary.survey } : resource;
  };
  await emitWebhook(store, { type, key: `${type}:${c.id}:${at}`, siteId: c.siteId, orderKey: c.id, data });
}

/** A call back request asked for or completed. */
export function emitCallback(store: Store, type: 'callback.requested' | 'callback.completed', c: CallbackRow): Promise<void> {
  return emitWebhook(store, {
    type,
    key: `${type}:${c.id}`,
    siteId: c.siteId,
    orderKey: `callback:${c.id}`,
    data: async () => callbackResource(c, (await store.tagsOf('callback', [c.id]))[c.id]),
  });
}

/** New feedback. */
export function emitFeedback(store: Store, f: FeedbackItem): Promise<void> {
  return emitWebhook(store, {
    type: 'feedback.created',
    key: `feedback:${f.id}`,
    siteId: f.siteId,
    orderKey: null,
    data: () => feedbackResource(f),
  });
}

/** `contact.updated`: what the site told of a visitor (identify) changed their name, email, phone or person. */
export async function emitContact(store: Store, before: VisitorRow, after: VisitorRow): Promise<void> {
  const fields = (r: VisitorRow) => JSON.stringify([r.name, r.email, r.phone, r.contactId]);
  if (fields(before) === fields(after)) return;
  const key = `contact.updated:${after.id}:${createHash('sha256')
    .update(`${fields(before)}>${fields(after)}`)
    .digest('base64url')}`;
  await emitWebhook(store, { type: 'contact.updated', key, siteId: after.siteId, orderKey: after.id, data: () => visitorResource(after) });
}
