import type * as v from 'valibot';
import type { ConversationSummary, FeedbackItem, FeedbackReply, Message } from '../../protocol/types';
import type { CallbackRow, SiteRow, VisitorRow } from '../store/types';
import { resourceOf } from './camel';
import { callback, conversation, feedbackItem, feedbackReply, lastMessage, message, visitor, type site } from './schemas';

// Each resource as the REST API answers it and webhooks carry it (schemas.ts): one mapper for both.

/** A site as the API shows it. */
export function siteResource(s: SiteRow): v.InferOutput<typeof site> {
  return { id: s.id, name: s.name, allowed_origins: s.allowedOrigins, channels: { ...s.options.channels }, created_at: s.createdAt };
}

/** A conversation as the API shows it. */
export const conversationResource = (c: ConversationSummary, tags: string[] = []) =>
  resourceOf(conversation, {
    ...c,
    tags,
    assigneeId: c.assignee?.id ?? null,
    lastMessage: c.lastMessage && resourceOf(lastMessage, c.lastMessage),
  });

/** A message as the API shows it. */
export const messageResource = (m: Message) => resourceOf(message, { ...m, internal: m.note === true });

/** A piece of feedback as the API shows it. */
export const feedbackResource = (f: FeedbackItem, tags: string[] = []) => resourceOf(feedbackItem, { ...f, tags });

/** A reply to feedback as the API shows it. */
export const feedbackReplyResource = (r: FeedbackReply) => resourceOf(feedbackReply, r);

/** A call back request as the API shows it: who claimed it by id and name only. */
export const callbackResource = (c: CallbackRow, tags: string[] = []) =>
  resourceOf(callback, { ...c, tags, claimedBy: c.claimedBy && { id: c.claimedBy.id, name: c.claimedBy.name } });

/** A visitor as the API shows it. */
export const visitorResource = (r: VisitorRow) => resourceOf(visitor, r);
