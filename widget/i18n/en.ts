/**
 * English strings of the chat panel: the reference dictionary every other language copies.
 * It loads with the panel; the launcher's few strings live in `launcher-strings.ts`.
 * Keys ending in `_one` / `_other` are plural forms chosen by `Intl.PluralRules`.
 */
const en = {
  chat_title: 'Chat with us',
  with_agent: '{name} is answering',
  chat_label: 'Chat',
  close: 'Close',
  message_label: 'Message',
  message_placeholder: 'Write a message…',
  send: 'Send',
  you: 'You',
  agent: 'Support',
  sending: 'Sending…',
  sent: 'Sent',
  not_sent: 'Not sent: {reason}',
  retry: 'Retry',
  typing: '{name} is typing…',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting… You can keep writing; we will send your messages when the connection is back.',
  unavailable: 'Chat is unavailable right now.',
  resolved: 'This conversation was marked as resolved. Write again any time.',
  reply_time_one: 'Typically replies in {count} minute',
  reply_time_other: 'Typically replies in {count} minutes',
  auto_answer: 'Automatic answer',
  faq_yes: 'That answers it',
  faq_no: 'I still need a person',
  faq_yes_done: 'Glad it helped!',
  faq_no_done: 'Thanks. A person will answer here.',
  error_too_long: 'the message is too long',
  error_rejected: 'the server refused it',
  /** BCP 47 tag of this dictionary's language: sent with feedback, so email replies come in it. */
  language_tag: 'en',
  tabs_label: 'Ways to reach us',
  tab_chat: 'Chat',
  tab_feedback: 'Feedback',
  tab_callback: 'Call me back',
  loading: 'Loading…',
  view_failed: 'This part of the widget could not be loaded.',
};

export default en;
