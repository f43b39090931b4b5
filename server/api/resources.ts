import type * as v from 'valibot';
import type { ConversationSummary, Message } from '../../protocol/types';
import type { SiteRow } from '../store/types';
import type { conversation, message, site } from './schemas';

// What the REST API answers for each resource: snake_case, times in ISO 8601 UTC. Webhook
// payloads are to be these same objects.

/** A site as the API shows it. */
export function siteResource(s: SiteRow): v.InferOutput<typeof site> {
  return { id: s.id, name: s.name, allowed_origins: s.allowedOrigins, channels: { ...s.options.channels }, created_at: s.createdAt };
}

/** A conversation as the API shows it. */
export function conversationResource(c: ConversationSummary): v.InferOutput<typeof conversation> {
  return {
    id: c.id,
    site_id: c.siteId,
    visitor_id: c.visitorId,
    visitor_name: c.visitorName,
    status: c.status,
    last_seq: c.lastSeq,
    unread: c.unread,
    last_message: c.lastMessage ? { text: c.lastMessage.text, author: c.lastMessage.author, created_at: c.lastMessage.createdAt } : null,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

/** A message as the API shows it. */
export function messageResource(m: Message): v.InferOutput<typeof message> {
  return { id: m.id, conversation_id: m.conversationId, seq: m.seq, author: m.author, author_name: m.authorName, text: m.text, created_at: m.createdAt };
}
