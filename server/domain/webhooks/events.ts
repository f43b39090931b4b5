import { createHash } from 'node:crypto';
import type { FeedbackItem } from '../../../protocol/types';
import type { WebhookEventName } from '../../../protocol/webhooks';
import { callbackResource, conversationResource, feedbackResource, messageResource, visitorResource } from '../../resources/resources';
import type { AppendResult, CallbackRow, Store, VisitorRow } from '../../store/types';
import type { WebhookEventDraft, WebhookEvents } from '../../store/webhook-events';
import { liveEndpoints } from '../../webhooks/endpoint-cache';
import { webhookQueued } from '../../webhooks/kick';
import { endpointWants } from '../../webhooks/recording';

export type WebhookEventType = WebhookEventName | 'webhook.test';

/**
 * Runs a change with the events `make` makes of its result, which the store records in the
 * change's own transaction: the change and its deliveries land together or not at all, so a crash
 * loses neither one alone. Only events some endpoint wants are made (by this node's list of
 * endpoints; the store picks the endpoints again from the table), none at all while there is no
 * endpoint. This node's worker is woken once the change is committed with some.
 */
export async function withWebhooks<R, T>(
  store: Store,
  make: (result: R) => WebhookEventDraft[],
  change: (events: WebhookEvents<R> | undefined) => Promise<T>,
): Promise<T> {
  const live = await liveEndpoints(store);
  if (!live.length) return change(undefined);
  let recorded = false;
  const out = await change((result) => {
    const drafts = make(result).filter((d) => live.some((e) => endpointWants(e, d)));
    recorded ||= drafts.length > 0;
    return drafts;
  });
  if (recorded) webhookQueued(store);
  return out;
}

/** A new message's events: `message.created`, after `conversation.created` for a conversation's first one. */
export function messageEvents({ message: m, conversation }: AppendResult): WebhookEventDraft[] {
  const siteId = conversation.siteId;
  // Automatic answers are no one's message; notes are for agents only, never a visitor-facing message.
  if (m.author === 'system' || m.note) return [];
  const orderKey = m.conversationId;
  const created: WebhookEventDraft = {
    type: 'conversation.created',
    key: `conversation:${m.conversationId}`,
    siteId,
    orderKey,
    data: { conversationId: m.conversationId, fromSummary: conversationResource },
  };
  const message: WebhookEventDraft = {
    type: 'message.created',
    key: `message:${m.id}`,
    siteId,
    orderKey,
    data: { resource: messageResource(m) },
  };
  return m.seq === 1 ? [created, message] : [message];
}

/** A conversation resolved, or its survey given, as the conversation resource; `at` tells one resolving from the next. */
export function conversationEvent(
  type: 'conversation.resolved' | 'survey.submitted',
  c: { id: string; siteId: string },
  at: string,
): WebhookEventDraft {
  return {
    type,
    key: `${type}:${c.id}:${at}`,
    siteId: c.siteId,
    orderKey: c.id,
    data: {
      conversationId: c.id,
      fromSummary: (s, tags) =>
        type === 'survey.submitted' ? { ...conversationResource(s, tags), survey: s.survey } : conversationResource(s, tags),
    },
  };
}

/** A call back request asked for or completed. */
export function callbackEvent(type: 'callback.requested' | 'callback.completed', c: CallbackRow): WebhookEventDraft {
  const data = { resource: callbackResource(c), tagged: { kind: 'callback' as const, id: c.id } };
  return { type, key: `${type}:${c.id}`, siteId: c.siteId, orderKey: `callback:${c.id}`, data };
}

/** New feedback. */
export function feedbackEvent(f: FeedbackItem): WebhookEventDraft {
  return { type: 'feedback.created', key: `feedback:${f.id}`, siteId: f.siteId, orderKey: null, data: { resource: feedbackResource(f) } };
}

/** `contact.updated`, when what the site told of a visitor (identify) changed their name, email, phone or person. */
export function contactEvents(before: VisitorRow): (after: VisitorRow) => WebhookEventDraft[] {
  const fields = (r: VisitorRow) => JSON.stringify([r.name, r.email, r.phone, r.contactId, r.claimedId]);
  return (after) => {
    if (fields(before) === fields(after)) return [];
    const key = `contact.updated:${after.id}:${createHash('sha256')
      .update(`${fields(before)}>${fields(after)}`)
      .digest('base64url')}`;
    return [{ type: 'contact.updated', key, siteId: after.siteId, orderKey: after.id, data: { resource: visitorResource(after) } }];
  };
}
