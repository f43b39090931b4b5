import * as v from 'valibot';
import { tagName } from '../validation';
import { LIMITS } from '../../protocol/events';
import { CALLBACK_OUTCOMES, FEEDBACK_CATEGORIES, FEEDBACK_STATUSES } from '../../protocol/types';
import { CALLBACK_STATUSES, feedbackItem, feedbackReply, time } from '../resources/schemas';
import { id, page } from './schemas';

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

export const feedbackDetail = v.object({ ...feedbackItem.entries, replies: v.array(feedbackReply) });
