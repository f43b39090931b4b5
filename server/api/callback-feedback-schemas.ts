import * as v from 'valibot';
import { tagName } from '../validation';
import { LIMITS } from '../../protocol/events';
import { CALLBACK_OUTCOMES, FEEDBACK_CATEGORIES, FEEDBACK_STATUSES, type CallbackStatus } from '../../protocol/types';
import { id, page, time } from './schemas';

const CALLBACK_STATUSES = ['waiting', 'rescheduled', 'called', 'wrong_number', 'cancelled'] as const satisfies readonly CallbackStatus[];

// Feedback and call back requests as the REST API takes and answers them (see schemas.ts).

export const feedbackListQuery = v.strictObject({
  ...page,
  site: v.optional(id),
  status: v.optional(v.picklist(FEEDBACK_STATUSES, 'must be new, answered or archived')),
  category: v.optional(v.picklist(FEEDBACK_CATEGORIES, 'must be complaint, praise, idea or question')),
  tag: v.optional(tagName),
});

export const callbackListQuery = v.strictObject({
  ...page,
  site: v.optional(id),
  status: v.optional(v.picklist(CALLBACK_STATUSES, 'must be waiting, rescheduled, called, wrong_number or cancelled')),
  updated_since: v.optional(time),
  tag: v.optional(tagName),
});

const note = v.optional(
  v.pipe(v.string('must be a string'), v.maxLength(LIMITS.topicLength, `must be at most ${LIMITS.topicLength} characters`)),
);

export const outcomeBody = v.strictObject({
  outcome: v.picklist(CALLBACK_OUTCOMES, 'must be reached, no_answer, wrong_number or cancelled'),
  note,
});

export const rescheduleBody = v.strictObject({ due_at: time, note });

export const feedbackItem = v.object({
  id: v.string(),
  site_id: v.string(),
  rating: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  category: v.picklist(FEEDBACK_CATEGORIES),
  text: v.string(),
  name: v.nullable(v.string()),
  email: v.nullable(v.string()),
  page_url: v.nullable(v.string()),
  page_title: v.nullable(v.string()),
  locale: v.nullable(v.string()),
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

export const feedbackDetail = v.object({ ...feedbackItem.entries, replies: v.array(feedbackReply) });

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
  attempts: v.pipe(v.number(), v.integer()),
  /** The item's tags, sorted. */
  tags: v.array(v.string()),
  created_at: time,
  updated_at: time,
});
