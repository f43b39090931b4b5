import type { Dictionary } from './t';

export { pickLanguage } from './languages';

/**
 * Panel dictionaries, each its own chunk, so a visitor downloads only theirs. Add a language
 * with a file here, in `languages.ts`, and its launcher strings in `launcher-strings-all.ts`.
 */
export const dictionaries: Record<string, () => Promise<{ default: Dictionary }>> = {
  en: () => import('./en'),
  cs: () => import('./cs'),
  ru: () => import('./ru'),
  hy: () => import('./hy'),
  am: () => import('./am'),
};

/** Loads the panel dictionary of a language picked with `pickLanguage`. */
export async function loadDictionary(lang: string): Promise<Dictionary> {
  const load = dictionaries[lang] ?? dictionaries.en!;
  return (await load()).default;
}
