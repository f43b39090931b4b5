import type { Dictionary } from './t';

/**
 * Panel dictionaries, each its own chunk, so a visitor downloads only theirs. Add a
 * language with a file here and its launcher strings in `launcher-strings.ts` (both, always).
 */
const dictionaries: Record<string, () => Promise<{ default: Dictionary }>> = {
  en: () => import('./en'),
};

/** The best language we have for a BCP 47 tag (`de-AT` → `de`), English otherwise. */
export function pickLanguage(tag: string | undefined): string {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return base in dictionaries ? base : 'en';
}

/** Loads the panel dictionary of a language picked with `pickLanguage`. */
export async function loadDictionary(lang: string): Promise<Dictionary> {
  const load = dictionaries[lang] ?? dictionaries.en!;
  return (await load()).default;
}
