/**
 * English strings of the chat panel: the reference dictionary every other language copies.
 * It loads with the panel; the launcher's few strings live in `launcher-strings.ts`.
 * Keys ending in `_one` / `_other` are plural forms chosen by `Intl.PluralRules`.
 */
const en = {
  chat_title: 'Chat with us',
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
  error_too_long: 'the message is too long',
  error_rejected: 'the server refused it',
};

export default en;
