import type { LauncherStrings } from '../../protocol/launcher-strings';

/**
 * The unread count's English words, which only the panel says (`launcher/unread-badge.ts`), so
 * they travel with the panel, not in earshot.js; the relay's status answer brings other languages'.
 * A module of their own, so the panel imports no other launcher words.
 */
export const unreadEn: Pick<LauncherStrings, 'unread_one' | 'unread_other'> = {
  unread_one: '{count} unread message',
  unread_other: '{count} unread messages',
};
