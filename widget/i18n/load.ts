import type { Dictionary } from './t';

/**
 * Panel dictionaries, each its own chunk, so a visitor downloads only theirs: the languages the
 * widget speaks. Add a language with a file here and its launcher strings in
 * `protocol/launcher-strings.ts`. The loader carries no list: it sends the visitor's languages to
 * the relay, which picks the launcher's words (`launcherStringsFor`), and hands them to the
 * panel, which picks here by the same rule.
 */
export const dictionaries: Record<string, () => Promise<{ default: Dictionary }>> = {
  en: () => import('./en'),
  cs: () => import('./cs'),
  ru: () => import('./ru'),
  hy: () => import('./hy'),
  am: () => import('./am'),
};

/**
 * The first of the visitor's languages we have, by base language (`de-AT` → `de`): the embed's
 * `data-locale` first, then the browser's `navigator.languages` in order; English otherwise.
 */
export function pickLanguage(tags: readonly (string | undefined)[]): string {
  for (const tag of tags) {
    const base = tag?.toLowerCase().split('-')[0];
    if (base && Object.hasOwn(dictionaries, base)) return base;
  }
  return 'en';
}

/** Loads the panel dictionary of a language picked with `pickLanguage`. */
export async function loadDictionary(lang: string): Promise<Dictionary> {
  const load = dictionaries[lang] ?? dictionaries.en!;
  return (await load()).default;
}
