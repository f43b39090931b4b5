/**
 * The launcher's English strings, the only ones inside earshot.js: the launcher must be
 * labelled before the visitor does anything, and for another language the status request
 * the loader makes anyway brings its strings (`protocol/launcher-strings.ts`, served by the relay).
 */
import type { LauncherStrings } from '../../protocol/launcher-strings';
import type { unreadEn } from './unread-strings';

export type { LauncherStrings };

/** The launcher's words in English but the unread count's (`unread-strings.ts`), which only the panel says. */
export const launcherEn: Omit<LauncherStrings, keyof typeof unreadEn> = {
  open_chat: 'Open chat',
  close_chat: 'Close chat',
  online: "We're online",
  away: 'Leave us a message',
  // The loader's own notice when the panel cannot be downloaded: the panel's dictionary is not there.
  panel_failed: 'The chat could not be loaded.',
  retry: 'Retry',
};
