/**
 * The languages the widget speaks. The loader needs only this list to choose one (and to ask
 * the relay for the launcher's words); the dictionaries themselves are listed in the panel
 * chunk (`load.ts`), which keeps earshot.js small.
 */
export const LANGUAGES = ['en', 'cs', 'ru', 'hy', 'am'];

/**
 * The first of the visitor's languages we have, by base language (`de-AT` → `de`): the embed's
 * `data-locale` first, then the browser's `navigator.languages` in order; English otherwise.
 */
export function pickLanguage(tags: readonly (string | undefined)[]): string {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split('-')[0];
    if (base && LANGUAGES.includes(base)) return base;
  }
  return 'en';
}
