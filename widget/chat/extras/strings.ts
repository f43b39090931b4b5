import type { FeatureStrings } from '../../i18n/with-strings';

/**
 * English strings of the chat's extras (leave a message, the wait notice, the survey and
 * the transcript), loaded with their chunk. Another language is its own file and chunk
 * (`strings-cs.ts`), found by
 * `languages.ts`, apart, so no language file imports the module that imports it.
 */
export const en = {
  x_away: "We're away right now. Leave us a message: we'll answer here, in this chat, when you come back.",
  x_away_email: "We're away right now. Leave us a message and we'll answer by email.",
  x_leave: 'Leave a message',
  x_email: 'Email',
  x_message: 'Message',
  x_send_message: 'Send message',
  x_callback: 'Call me back',
  x_error_email_missing: 'Enter your email address, so we can answer you.',
  x_error_email: 'Enter an email address like name@example.com.',
  x_error_message: 'Write your message.',
  x_error_offline: 'You are offline, so nothing was sent. Please try again when the connection is back.',
  x_error_timeout: 'The server did not answer. Please try again.',
  x_error_no_email: "This server can't send email yet, sorry.",
  x_error_rate_limited: 'You have sent a lot in a short time. Please try again in a few minutes.',
  x_error_forbidden: 'This site is not taking messages right now.',
  x_error_failed: 'It could not be sent: {reason}',
  x_promise: "Thanks! We'll answer by email at {email}.",
  x_promise_later: "Thanks! We'll answer here as soon as we can.",
  x_wait_heading: 'Sorry for the wait…',
  x_wait_text: "Everyone is busy right now. Leave your email and we'll send the answer there; this chat stays open too.",
  x_wait_text_later: "Everyone is busy right now. This chat stays open: we'll answer here as soon as we can.",
  x_wait_send: 'Email me the answer',
  x_off: 'Chat is switched off here.',
  x_off_ways: 'You can still reach us:',
  x_feedback: 'Send feedback',
  x_survey_heading: 'How did we do?',
  x_comment: 'Comment (optional)',
  x_send_rating: 'Send rating',
  x_error_rating: 'Choose a rating from 1 to 5.',
  x_survey_thanks: 'Thanks for your rating!',
  x_transcript: 'Email me the transcript',
  x_transcript_sent: "We've sent the transcript to {email}.",
  x_resume_restoring: 'Opening your conversation…',
  x_resume_restored: 'Your conversation is here. You can go on where you left off.',
  x_resume_used: 'This link was used already. Ask for a new one in the chat on your other device.',
  x_resume_expired: 'This link has expired. Ask for a new one in the chat on your other device.',
  x_resume_invalid: 'This link is not valid. Check that you opened the whole link from the email.',
  x_resume_failed: 'The conversation could not be opened: {reason}',
  x_resume_continue: 'Continue on another device',
  x_resume_send_failed: 'The link could not be sent: {reason}',
  x_resume_sent: 'We have emailed a link to {email}. Open it on your other device.',
};

/** A language's strings for the extras: every key of the English ones. */
export type ExtrasStrings = Record<keyof typeof en, string>;

/** The extras' strings by language; `prepareExtrasStrings` adds the visitor's before an extra draws. */
export const STRINGS: FeatureStrings<ExtrasStrings> = { en };
