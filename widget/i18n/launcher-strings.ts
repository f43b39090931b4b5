/**
 * The launcher's English strings, the only ones inside earshot.js: the launcher must be
 * labelled before the visitor does anything, and for another language the status request
 * the loader makes anyway brings its strings (`protocol/launcher-strings.ts`, served by the relay).
 */
import type { LauncherStrings } from '../../protocol/launcher-strings';

export type { LauncherStrings };

export const launcherEn: LauncherStrings = {
  open_chat: 'Open chat',
  close_chat: 'Close chat',
  online: "We're online",
  away: 'Leave us a message',
  unread_one: '{count} unread message',
  unread_other: '{count} unread messages',
  // The loader's own notice when the panel cannot be downloaded: the panel's dictionary is not there.
  panel_failed: 'The chat could not be loaded.',
  retry: 'Retry',
};

/** By language, for tests and the server; the loader imports `launcherEn` alone. */
export const launcherStrings: Record<string, LauncherStrings> = { en: launcherEn };
