/**
 * The launcher's strings in every language the widget speaks. They ship inside
 * earshot.js because the launcher must be labelled before the visitor does anything,
 * and nothing else may be fetched until then. Keep this to the launcher: each language
 * costs the loader about 80 bytes gzip.
 */
const en = {
  open_chat: 'Open chat',
  close_chat: 'Close chat',
  online: "We're online",
  away: 'Leave us a message',
  unread_one: '{count} unread message',
  unread_other: '{count} unread messages',
};

export type LauncherStrings = Record<keyof typeof en, string>;

export const launcherStrings: Record<string, LauncherStrings> = { en };
