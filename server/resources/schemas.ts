import * as v from 'valibot';
import {
  CONVERSATION_CHANNELS,
  CONVERSATION_STATUSES,
  FEEDBACK_CATEGORIES,
  FEEDBACK_STATUSES,
  type CallbackStatus,
} from '../../protocol/types';

// The JSON shapes of Earshot's resources, as the REST API answers them and webhooks carry them:
// snake_case, times in ISO 8601 UTC. The API's OpenAPI document is generated from these schemas.

/** An ISO 8601 time. */
export const time = v.pipe(v.string('must be a time'), v.isoTimestamp('must be an ISO 8601 time such as 2026-11-24T09:30:00Z'));

export const CALLBACK_STATUSES = [
  'waiting',
  'rescheduled',
  'called',
  'wrong_number',
  'cancelled',
] as const satisfies readonly CallbackStatus[];

const int = v.pipe(v.number(), v.integer());
const maybeText = v.nullable(v.string());
/** What a person told of themselves. */
const person = { name: maybeText, email: maybeText };
/** The page a visitor was on. */
const onPage = { page_url: maybeText, page_title: maybeText };
const author = v.picklist(['visitor', 'agent', 'system']);

export const site = v.object({
  id: v.string(),
  name: v.string(),
  allowed_origins: v.array(v.string()),
  channels: v.object({ chat: v.boolean(), callback: v.boolean(), feedback: v.boolean() }),
  created_at: time,
});

/** The preview of a conversation: the last message a person wrote. */
export const lastMessage = v.object({ text: v.string(), author, created_at: time });

export const conversation = v.object({
  id: v.string(),
  site_id: v.string(),
  visitor_id: v.string(),
  visitor_name: v.string(),
  status: v.picklist(CONVERSATION_STATUSES),
  /** How it began: chat, offline (a message left while nobody was there) or email. */
  channel: v.picklist(CONVERSATION_CHANNELS),
  last_seq: int,
  unread: int,
  /** The agent who has it; null while Unassigned. */
  assignee_id: v.nullable(v.string()),
  last_message: v.nullable(lastMessage),
  /** The item's tags, sorted. */
  tags: v.array(v.string()),
  created_at: time,
  updated_at: time,
});

export const message = v.object({
  id: v.string(),
  conversation_id: v.string(),
  seq: int,
  author,
  author_name: v.nullable(v.string()),
  text: v.string(),
  /** An agent's internal note: never shown to the visitor, never sent by a webhook. */
  internal: v.pipe(v.boolean(), v.description("An agent's internal note: never shown to the visitor, never sent by a webhook")),
  created_at: time,
});

export const feedbackItem = v.object({
  id: v.string(),
  site_id: v.string(),
  rating: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  category: v.picklist(FEEDBACK_CATEGORIES),
  text: v.string(),
  ...person,
  ...onPage,
  locale: maybeText,
  status: v.picklist(FEEDBACK_STATUSES),
  unhappy: v.boolean(),
  /** The item's tags, sorted. */
  tags: v.array(v.string()),
  created_at: time,
  updated_at: time,
});

export const feedbackReply = v.object({
  id: v.string(),
  agent_name: v.string(),
  text: v.string(),
  created_at: time,
  email_status: v.picklist(['pending', 'sending', 'sent', 'failed']),
});

export const callback = v.object({
  id: v.string(),
  site_id: v.string(),
  visitor_id: v.nullable(v.string()),
  phone: v.string(),
  name: v.nullable(v.string()),
  topic: v.nullable(v.string()),
  asap: v.boolean(),
  due_at: time,
  window_end: v.nullable(time),
  status: v.picklist(CALLBACK_STATUSES),
  claimed_by: v.nullable(v.object({ id: v.string(), name: v.string() })),
  attempts: int,
  /** The item's tags, sorted. */
  tags: v.array(v.string()),
  created_at: time,
  updated_at: time,
});

/** A visitor: never the token their widget holds. */
export const visitor = v.object({
  id: v.string(),
  site_id: v.string(),
  ...person,
  phone: maybeText,
  /** The contact (person) this browser belongs to: every browser of that person shares it. */
  contact_id: maybeText,
  /** The site's user id the page claimed with identify without a hash: not verified, never merged. */
  claimed_id: maybeText,
  ...onPage,
  language: maybeText,
  timezone: maybeText,
  visits: int,
  first_seen_at: time,
  last_seen_at: time,
});
