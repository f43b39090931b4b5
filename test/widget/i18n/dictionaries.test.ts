import { describe, expect, it } from 'vitest';
import { en as callbackEn } from '../../../widget/callback/strings';
import { LANGUAGES as CALLBACK } from '../../../widget/callback/languages';
import { LANGUAGES as EXTRAS } from '../../../widget/chat/extras/languages';
import { en as extrasEn } from '../../../widget/chat/extras/strings';
import { LANGUAGES as FEEDBACK } from '../../../widget/feedback/languages';
import { en as feedbackEn } from '../../../widget/feedback/strings';
import en from '../../../widget/i18n/en';
import { LAUNCHER_STRINGS } from '../../../protocol/launcher-strings';
import { launcherEn } from '../../../widget/i18n/launcher-strings';
import { unreadEn } from '../../../widget/i18n/unread-strings';
import { loadDictionary } from '../../../widget/i18n/load';

const LANGS = ['cs', 'ru', 'hy', 'am'] as const;

/** The keys a language must have: English's, with each plural key in that language's categories. */
function expectedKeys(reference: Record<string, string>, lang: string): string[] {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of Object.keys(reference)) {
    const base = key.match(/^(.*)_(zero|one|two|few|many|other)$/)?.[1];
    if (base && `${base}_other` in reference) categories.forEach((c) => keys.add(`${base}_${c}`));
    else keys.add(key);
  }
  return [...keys].sort();
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function expectComplete(reference: Record<string, string>, dict: Record<string, string>, lang: string) {
  expect(Object.keys(dict).sort()).toEqual(expectedKeys(reference, lang));
  for (const [key, text] of Object.entries(dict)) {
    expect(text.trim(), `${lang} ${key} is empty`).not.toBe('');
    const source = reference[key] ?? reference[key.replace(/_(zero|one|two|few|many)$/, '_other')]!;
    expect(placeholders(text), `${lang} ${key} keeps the placeholders`).toEqual(placeholders(source));
  }
}

const families: [string, Record<string, string>, (lang: string) => Promise<Record<string, string>>][] = [
  ['panel', en, (lang) => loadDictionary(lang)],
  ['feedback', feedbackEn, (lang) => FEEDBACK[lang]!()],
  ['callback', callbackEn, (lang) => CALLBACK[lang]!()],
  ['extras', extrasEn, (lang) => EXTRAS[lang]!()],
  ['launcher', { ...launcherEn, ...unreadEn }, async (lang) => LAUNCHER_STRINGS[lang]!],
];

describe.each(families)('the %s strings', (_, reference, load) => {
  it.each(LANGS)('are complete in %s: every key, every plural category, the same placeholders', async (lang) => {
    const dict = await load(lang);
    expect(dict, `no ${lang} dictionary`).toBeTruthy();
    expectComplete(reference, dict, lang);
  });
});

describe('the panel dictionaries', () => {
  it.each(LANGS)('%s names its own language tag', async (lang) => {
    expect((await loadDictionary(lang)).language_tag).toBe(lang);
  });

  it('the launcher speaks exactly the languages of the panel', () => {
    expect(Object.keys(LAUNCHER_STRINGS).sort()).toEqual(['en', ...LANGS].sort());
  });

  it("the loader's and the panel's own English launcher words are the relay's", () => {
    expect({ ...launcherEn, ...unreadEn }).toEqual(LAUNCHER_STRINGS.en);
  });
});
