import { LIMITS } from '../../protocol/events';
import type { FeedbackInput, PageInfo } from '../../protocol/types';
import type { MessageKey } from '../i18n/t';
import type { Result } from '../net/socket';
import type { SendError } from '../state/types';
import type { FeedbackDraft, FieldErrors, Problem } from './feedback-state';

// Only a convenience: the server's check (valibot's) is the one that counts.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Failures with words of our own; any other shows the server's reason. */
const ALERTS: Partial<Record<SendError, MessageKey>> = {
  offline: 'feedback_error_offline',
  timeout: 'feedback_error_timeout',
  rate_limited: 'feedback_error_rate_limited',
};

const tooLong = (text: string): Problem => ({ key: 'feedback_error_long', vars: { max: LIMITS.feedbackLength, length: text.length } });

/** The form's own checks before anything is sent; an empty result means it may go. */
export function validateFeedback(d: FeedbackDraft): FieldErrors {
  const errors: FieldErrors = {};
  const text = d.text.trim();
  if (text.length > LIMITS.feedbackLength) errors.text = tooLong(text);
  else if (!text && d.rating === null) errors.text = { key: 'feedback_error_empty' };
  if (d.contact === 'reply') {
    const email = d.email.trim();
    if (!d.name.trim()) errors.name = { key: 'feedback_error_name' };
    if (!email) errors.email = { key: 'feedback_error_email_missing' };
    else if (!EMAIL.test(email) || email.length > LIMITS.emailLength) errors.email = { key: 'feedback_error_email' };
  }
  return errors;
}

/** What `feedback:send` carries, under the id of this piece of feedback: name and email only when the visitor asked for an answer. */
export function toFeedbackInput(d: FeedbackDraft, page: PageInfo, locale: string, id: string): FeedbackInput {
  return {
    id,
    rating: d.rating,
    category: d.category,
    text: d.text.trim(),
    contact: d.contact === 'reply' ? { mode: 'reply', name: d.name.trim(), email: d.email.trim() } : { mode: 'anonymous' },
    page,
    locale,
  };
}

/** A refused send as the form shows it: by the field the server named, else for the whole form. */
export function serverProblem(
  res: Extract<Result<unknown>, { ok: false }>,
  d: FeedbackDraft,
): { errors: FieldErrors; alert: Problem | null } {
  const text = d.text.trim();
  switch (res.field) {
    case 'rating':
      return { errors: { rating: { key: 'feedback_error_rating' } }, alert: null };
    case 'text':
      return { errors: { text: res.code === 'too_long' ? tooLong(text) : { key: 'feedback_error_empty' } }, alert: null };
    case 'contact.name':
      return { errors: { name: { key: 'feedback_error_name' } }, alert: null };
    case 'contact.email':
      return { errors: { email: { key: 'feedback_error_email' } }, alert: null };
  }
  const key = ALERTS[res.code];
  return { errors: {}, alert: key ? { key } : { key: 'feedback_error_server', vars: { reason: res.message } } };
}
