import type { FeatureStrings } from '../i18n/with-strings';

/**
 * English strings of the feedback view, loaded with its chunk rather than with every first
 * chat. Another language is its own file and chunk (`strings-cs.ts`), found by
 * `languages.ts`, apart, so no language file imports the module that imports it.
 */
export const en = {
  feedback_heading: 'Tell us what you think',
  feedback_rating: 'Rating',
  feedback_rating_1: '1 – Very bad',
  feedback_rating_2: '2 – Bad',
  feedback_rating_3: '3 – Okay',
  feedback_rating_4: '4 – Good',
  feedback_rating_5: '5 – Very good',
  feedback_category: 'Category',
  category_complaint: 'Complaint',
  category_praise: 'Praise',
  category_idea: 'Idea',
  category_question: 'Question',
  feedback_text: 'Your feedback',
  feedback_contact: 'Would you like an answer?',
  contact_reply: 'Reply to me',
  contact_anonymous: 'Stay anonymous',
  feedback_name: 'Name',
  feedback_email: 'Email',
  feedback_anonymous_note: 'Nothing that identifies you is stored: no name, no email address.',
  feedback_no_reply_note:
    'We read every message but cannot answer here, and nothing that identifies you is stored. For an answer, write to us in the chat.',
  feedback_page_note: 'The address and title of this page are sent with your feedback.',
  feedback_send: 'Send feedback',
  feedback_error_name: 'Enter your name, so we know whom to answer.',
  feedback_error_email_missing: 'Enter your email address, so we can answer you.',
  feedback_error_email: 'Enter an email address like name@example.com.',
  feedback_error_empty: 'Choose a rating or write a few words.',
  feedback_error_long: 'Please shorten your feedback to {max} characters (it has {length}).',
  feedback_error_rating: 'Choose a rating from 1 to 5.',
  feedback_error_offline: 'You are offline, so nothing was sent. Your feedback is still here: send it again when the connection is back.',
  feedback_error_timeout: 'The server did not answer. Please try again.',
  feedback_error_rate_limited: 'You have sent a lot of feedback in a short time. Please try again in a few minutes.',
  feedback_error_server: 'Your feedback could not be sent: {reason}',
  feedback_thanks_reply: "Thank you! We'll answer by email, usually within one business day.",
  feedback_thanks: 'Thank you for your feedback!',
  feedback_again: 'Send more feedback',
  back_to_chat: 'Back to chat',
};

/** A language's strings for this view: every key of the English ones. */
export type FeedbackStrings = Record<keyof typeof en, string>;

/** The view's strings by language; `prepareFeedbackStrings` adds the visitor's before the view draws. */
export const STRINGS: FeatureStrings<FeedbackStrings> = { en };
