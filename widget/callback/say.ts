import { useEffect, useState } from 'preact/hooks';
import { en, type CallbackDictionary, type CallbackKey } from './strings';

/** The view's own `t()`: a key of its dictionary, `{name}` placeholders filled. */
export type Say = (key: CallbackKey, vars?: Record<string, string | number>) => string;

/**
 * Languages besides English, each its own chunk, chosen by the panel's language tag:
 * `cs: () => import('./strings-cs').then((m) => m.cs)`. English ships inside the view.
 */
export const LANGUAGES: Record<string, () => Promise<CallbackDictionary>> = {
  cs: () => import('./strings-cs').then((m) => m.cs),
  ru: () => import('./strings-ru').then((m) => m.ru),
  hy: () => import('./strings-hy').then((m) => m.hy),
  am: () => import('./strings-am').then((m) => m.am),
};

/** A `Say` over one dictionary. */
export function sayFrom(dict: CallbackDictionary): Say {
  return (key, vars) => {
    const text = dict[key] ?? en[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}

/** The view's strings in the panel's language (English at once; another once its chunk is here). */
export function useSay(languageTag: string): Say | null {
  const load = LANGUAGES[languageTag.toLowerCase().split('-')[0] ?? ''];
  const [say, setSay] = useState<Say | null>(() => (load ? null : sayFrom(en)));
  useEffect(() => {
    // A failed download falls back to English rather than leaving the view blank.
    void load?.().then(sayFrom, () => sayFrom(en)).then((s) => setSay(() => s));
  }, [load]);
  return say;
}
