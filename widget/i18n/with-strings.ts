import type { Dictionary, Translate } from './t';

/** A lazily loaded feature's own strings, one dictionary per language; English is required. */
export type FeatureStrings<D extends Record<string, string>> = { en: D } & Record<string, D | undefined>;

/**
 * The panel's `t` plus a feature's dictionary in the panel's language (English when it has
 * none), so a feature's words ship in its own chunk and not in every first chat. The feature's
 * keys are looked up first; any other key goes to the panel's `t`.
 */
export function withStrings<D extends Record<string, string>>(t: Translate, strings: FeatureStrings<D>): Translate {
  const dict: Record<string, string> = strings[t('language_tag' satisfies keyof Dictionary)] ?? strings.en;
  return (key, vars) => {
    const text = dict[key];
    if (text === undefined) return t(key, vars);
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}
