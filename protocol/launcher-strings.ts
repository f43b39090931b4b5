/** The words of the launcher (and of the loader's own notice), by key. */
export type LauncherKey = 'open_chat' | 'close_chat' | 'online' | 'away' | 'unread_one' | 'unread_other' | 'panel_failed' | 'retry';

export type LauncherStrings = Record<LauncherKey, string>;

/**
 * The launcher's strings in every language, shared by the relay, which sends them with the
 * status answer the loader asks for anyway, and the widget, whose earshot.js carries its own copy
 * of English only (`widget/i18n/launcher-strings.ts`, checked against this one by a test). Plural keys follow
 * Intl.PluralRules categories of each language (`unread_one`, `unread_few`, …).
 */
export const LAUNCHER_STRINGS: Record<string, LauncherStrings & Record<string, string>> = {
  en: {
    open_chat: 'Open chat',
    close_chat: 'Close chat',
    online: "We're online",
    away: 'Leave us a message',
    unread_one: '{count} unread message',
    unread_other: '{count} unread messages',
    panel_failed: 'The chat could not be loaded.',
    retry: 'Retry',
  },
  cs: {
    open_chat: 'Otevřít chat',
    close_chat: 'Zavřít chat',
    online: 'Jsme online',
    away: 'Napište nám zprávu',
    unread_one: '{count} nepřečtená zpráva',
    unread_few: '{count} nepřečtené zprávy',
    unread_many: '{count} nepřečtené zprávy',
    unread_other: '{count} nepřečtených zpráv',
    panel_failed: 'Chat se nepodařilo načíst.',
    retry: 'Zkusit znovu',
  },
  ru: {
    open_chat: 'Открыть чат',
    close_chat: 'Закрыть чат',
    online: 'Мы на связи',
    away: 'Оставьте нам сообщение',
    unread_one: '{count} непрочитанное сообщение',
    unread_few: '{count} непрочитанных сообщения',
    unread_many: '{count} непрочитанных сообщений',
    unread_other: '{count} непрочитанного сообщения',
    panel_failed: 'Не удалось загрузить чат.',
    retry: 'Повторить',
  },
  hy: {
    open_chat: 'Բացել զրույցը',
    close_chat: 'Փակել զրույցը',
    online: 'Մենք առցանց ենք',
    away: 'Թողեք մեզ հաղորդագրություն',
    unread_one: '{count} չկարդացված հաղորդագրություն',
    unread_other: '{count} չկարդացված հաղորդագրություն',
    panel_failed: 'Զրույցը չհաջողվեց բեռնել։',
    retry: 'Կրկնել',
  },
  am: {
    open_chat: 'ውይይቱን ክፈት',
    close_chat: 'ውይይቱን ዝጋ',
    online: 'መስመር ላይ ነን',
    away: 'መልእክት ይተዉልን',
    unread_one: '{count} ያልተነበበ መልእክት',
    unread_other: '{count} ያልተነበቡ መልእክቶች',
    panel_failed: 'ውይይቱን መጫን አልተቻለም።',
    retry: 'እንደገና ሞክር',
  },
};

/**
 * Strings for the first of comma-separated BCP 47 tags (the visitor's languages, as the
 * loader sends them) whose base language we speak, like `pickLanguage` in the panel; null
 * when none (the loader keeps English).
 */
export function launcherStringsFor(tags: string | undefined): (LauncherStrings & Record<string, string>) | null {
  for (const tag of (tags ?? '').split(',')) {
    const base = tag.trim().toLowerCase().split('-')[0] ?? '';
    if (Object.hasOwn(LAUNCHER_STRINGS, base)) return LAUNCHER_STRINGS[base]!;
  }
  return null;
}
