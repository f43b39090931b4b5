import * as v from 'valibot';
import { LIMITS } from '../../protocol/events';
import { CONVERSATION_CHANNELS, CONVERSATION_STATUSES } from '../../protocol/types';
import { time } from '../resources/schemas';
import { tagName } from '../validation';

// The REST API's request schemas (the resources it answers are in server/resources/): the requests
// are validated with them, and the OpenAPI document is generated from them (openapi.ts), so the two cannot drift apart.
// Requests are strict objects: an unknown field is refused by name rather than silently dropped.

/** An id in a path or filter. */
export const id = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of 1 to 64 letters, digits, _ or -'),
);

/** ?cursor=&limit= on every list. Query values arrive as text, so limit is checked as digits. */
export const page = {
  cursor: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9_-]{1,400}$/, 'must be a next_cursor from an earlier page'))),
  limit: v.optional(v.pipe(v.string('must be a number'), v.regex(/^(?:[1-9]\d?|100)$/, 'must be a whole number from 1 to 100'))),
};

/** Path parameters. */
export const idParam = v.strictObject({ id });

export const siteListQuery = v.strictObject({ ...page });

export const conversationListQuery = v.strictObject({
  ...page,
  site: v.optional(id),
  status: v.optional(v.picklist(CONVERSATION_STATUSES, 'must be pending, open or resolved')),
  channel: v.optional(v.picklist(CONVERSATION_CHANNELS, 'must be chat, offline or email')),
  updated_since: v.optional(time),
  /** An agent's id, or `unassigned`. */
  assignee: v.optional(id),
  tag: v.optional(tagName),
});

export const messageListQuery = v.strictObject({ ...page });

export const replyBody = v.strictObject({
  text: v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(LIMITS.messageLength, `must be at most ${LIMITS.messageLength} characters`),
    v.regex(/\S/, 'must not be blank'),
  ),
});

export const assignBody = v.strictObject({
  agent_id: v.nullable(id),
  note: v.optional(
    v.pipe(v.string('must be a string'), v.maxLength(LIMITS.topicLength, `must be at most ${LIMITS.topicLength} characters`)),
  ),
});

export const statusBody = v.strictObject({ status: v.picklist(CONVERSATION_STATUSES, 'must be pending, open or resolved') });

/** A page of a list: `next_cursor` is null on the last one. */
export const listOf = <S extends v.GenericSchema>(item: S) => v.object({ data: v.array(item), next_cursor: v.nullable(v.string()) });

/** RFC 9457 problem details, with Earshot's error code and the field at fault. */
export const problem = v.object({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer()),
  detail: v.string(),
  code: v.string(),
  field: v.optional(v.string()),
});
