import type { FeatureStrings } from '../i18n/with-strings';

/**
 * English strings of the "Call me back" view, loaded with its chunk. Another language is a
 * copy of this object in its own file (`strings-cs.ts` exporting `cs`), listed in `say.ts`,
 * so only a visitor whose panel speaks it downloads it. `{name}` marks a placeholder.
 */
export const en = {
  heading: "We'll call you back",
  intro: 'Leave your number and we will call you, as soon as we can or at a time that suits you.',
  phone: 'Phone number',
  phone_hint: 'Start with + and your country code, for example +420 602 123 456.',
  phone_hint_country: 'Without + and a country code, we read it as a number in {country}.',
  name: 'Name',
  topic: 'Topic',
  optional: 'optional',
  when: 'When should we call?',
  asap: 'As soon as possible',
  asap_open: "We're open: we'll call you shortly.",
  asap_nobody: "Nobody can take calls right now: we'll call you as soon as someone is back.",
  asap_closed: "We're closed now: we'll call you when we open, {time}.",
  asap_closed_unknown: "We're closed now: we'll call you when we open again.",
  choose: 'Choose a time',
  day: 'Day',
  today: 'Today, {date}',
  tomorrow: 'Tomorrow, {date}',
  time: 'Time',
  zone_note: 'Times are in your time zone ({zone}).',
  slots_loading: 'Loading free times…',
  slots_failed: 'The free times could not be loaded.',
  slots_none: 'There are no free times in the next two weeks. Choose “As soon as possible” instead.',
  page_note: 'The address and title of this page are sent with your request.',
  submit: 'Request a call',
  sending: 'Sending…',
  request_heading: 'Your call back request',
  confirm_asap: "We'll call {phone} as soon as possible.",
  confirm_opening: "We'll call {phone} when we open, {time}.",
  confirm_at: "We'll call {phone} on {day}, {time}.",
  status_waiting: 'Waiting for our call',
  status_rescheduled: 'Moved to {day}, {time}',
  status_called: 'Done: we called you',
  status_wrong_number: "We couldn't reach you at {phone}. Check the number and request another call.",
  status_cancelled: 'Request cancelled',
  change: 'Pick another time',
  cancel: 'Cancel request',
  change_save: 'Save new time',
  change_keep: 'Keep current time',
  again: 'Request another call',
  error_phone_missing: 'Enter your phone number.',
  error_phone_letters: 'Use digits only, for example +420 602 123 456.',
  error_phone_short: 'This number is too short. Include the area code, or + and the country code.',
  error_phone_invalid: 'This is not a valid phone number. Start with + and the country code, for example +420 602 123 456.',
  error_phone_invalid_country: 'This is not a valid phone number in {country}. Check the digits, or start with + and the country code.',
  error_when_missing: 'Choose a time, or “As soon as possible”.',
  error_slot_taken: 'That time is no longer free. Pick another one.',
  error_field: 'Please check this: {reason}',
  error_too_long: 'This is too long. Please shorten it.',
  error_offline: 'You are offline, so nothing was sent. Try again when the connection is back.',
  error_timeout: 'The server did not answer. Please try again.',
  error_rate_limited: 'You have asked for several calls in a short time. Please try again later.',
  error_forbidden: 'Call back requests are turned off right now. Please use the chat instead.',
  error_server: 'Your request could not be sent: {reason}',
};

export type CallbackKey = keyof typeof en;
/** A language's strings for this view: every key of the English ones. */
export type CallbackDictionary = Record<CallbackKey, string>;

/** The view's strings by language; `prepareCallbackStrings` (languages.ts) adds the visitor's before the view draws. */
export const STRINGS: FeatureStrings<CallbackDictionary> = { en };
