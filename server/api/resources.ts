import type * as v from 'valibot';
import type { ConversationSummary, FeedbackItem, FeedbackReply, Message } from '../../protocol/types';
import type { CallbackRow, SiteRow } from '../store/types';
import type { callback, feedbackItem, feedbackReply } from './callback-feedback-schemas';
import type { conversation, message, site } from './schemas';

// What the REST API answers for each resource: snake_case, times in ISO 8601 UTC. Webhook
// payloads are to be these same objects.

/** A site as the API shows it. */
export function siteResource(s: SiteRow): v.InferOutput<typeof site> {
  return { id: s.id, name: s.name, allowed_origins: s.allowedOrigins, channels: { ...s.options.channels }, created_at: s.createdAt };
}

/** A conversation as the API shows it. */
export function conversationResource(c: ConversationSummary, tags: string[] = []): v.InferOutput<typeof conversation> {
  return {
    id: c.id,
    site_id: c.siteId,
    visitor_id: c.visitorId,
    visitor_name: c.visitorName,
    status: c.status,
    last_seq: c.lastSeq,
    unread: c.unread,
    last_message: c.lastMessage ? { text: c.lastMessage.text, author: c.lastMessage.author, created_at: c.lastMessage.createdAt } : null,
    tags,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** A message as the API shows it. */
export function messageResource(m: Message): v.InferOutput<typeof message> {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    seq: m.seq,
    author: m.author,
    author_name: m.authorName,
    text: m.text,
    internal: m.note === true,
    created_at: m.createdAt,
  };
}

/** A piece of feedback as the API shows it. */
export function feedbackResource(f: FeedbackItem, tags: string[] = []): v.InferOutput<typeof feedbackItem> {
  return {
    id: f.id,
    site_id: f.siteId,
    rating: f.rating,
    category: f.category,
    text: f.text,
    name: f.name,
    email: f.email,
    page_url: f.pageUrl,
    page_title: f.pageTitle,
    locale: f.locale,
    status: f.status,
    unhappy: f.unhappy,
    tags,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

/** A reply to feedback as the API shows it. */
export function feedbackReplyResource(r: FeedbackReply): v.InferOutput<typeof feedbackReply> {
  return { id: r.id, agent_name: r.agentName, text: r.text, created_at: r.createdAt, email_status: r.emailStatus };
}

/** A call back request as the API shows it. */
export function callbackResource(c: CallbackRow, tags: string[] = []): v.InferOutput<typeof callback> {
  return {
    id: c.id,
    site_id: c.siteId,
    visitor_id: c.visitorId,
    phone: c.phone,
    name: c.name,
    topic: c.topic,
    asap: c.asap,
    due_at: c.dueAt,
    window_end: c.windowEnd,
    status: c.status,
    claimed_by: c.claimedBy && { id: c.claimedBy.id, name: c.claimedBy.name },
    attempts: c.attempts,
    tags,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}
