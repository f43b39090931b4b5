import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { logLoadError } from '../panel/load-error';
import { fill } from './fill';
import type { Dictionary, Translate } from './t';

/** A lazily loaded feature's own strings, one dictionary per language; English is required. */
export type FeatureStrings<D extends Record<string, string>> = { en: D } & Record<string, D | undefined>;

/** Imports of a feature's strings in other languages than English, each its own chunk. */
export type StringLoaders<D> = Record<string, () => Promise<D>>;

/**
 * The loaders of a feature's language files, from `import.meta.glob('./strings-*.ts')`: each
 * `strings-xx.ts` exports its dictionary as `xx`, and is its own chunk.
 */
export function languageFiles<D>(files: Record<string, () => Promise<unknown>>): StringLoaders<D> {
  const loaders: StringLoaders<D> = {};
  for (const [path, load] of Object.entries(files)) {
    const lang = /strings-(\w+)\.ts$/.exec(path)![1]!;
    loaders[lang] = () => load().then((m) => (m as Record<string, D>)[lang]!);
  }
  return loaders;
}

/** Starts (once) fetching a feature's strings in a language; null when there is nothing to wait for. */
export type PrepareStrings = (lang: string) => Promise<unknown> | null;

/**
 * A `PrepareStrings` that puts each language's dictionary into `strings` when it arrives,
 * so `withStrings` finds it synchronously. A failed download leaves English in its place (and is logged).
 */
export function prepareStrings<D extends Record<string, string>>(strings: FeatureStrings<D>, loaders: StringLoaders<D>): PrepareStrings {
  const pending: Record<string, Promise<unknown>> = {};
  const settled: Record<string, true> = {};
  return (lang) => {
    const load = loaders[lang];
    if (!load || strings[lang] || settled[lang]) return null;
    return (pending[lang] ??= load()
      .then((dict) => void (strings[lang] = dict), logLoadError)
      .then(() => void (settled[lang] = true)));
  };
}

/**
 * Wraps a feature's component so it draws once the feature's strings in the panel's language
 * are here (at once for English, or a language already fetched), never in a flash of English.
 */
export function whenStrings<P extends { t: Translate }>(View: ComponentType<P>, ...prepare: PrepareStrings[]): ComponentType<P> {
  return function Localized(p: P) {
    const lang = p.t('language_tag' satisfies keyof Dictionary);
    const [, redraw] = useState(0);
    const waiting = prepare.map((f) => f(lang)).filter((w) => w !== null);
    useEffect(() => {
      let live = true;
      if (waiting.length) void Promise.all(waiting).then(() => live && redraw((n) => n + 1));
      return () => {
        live = false;
      };
      // The promises are prepareStrings' own, one per language, so the language and their count say when they change.
      // eslint-disable-next-line react-hooks/exhaustive-deps -- `waiting` is a new array each render (see above)
    }, [lang, waiting.length]);
    return waiting.length ? null : h(View, p);
  };
}

/**
 * The panel's `t` plus a feature's dictionary in the panel's language (English when it has
 * none), so a feature's words ship in its own chunk and not in every first chat. The feature's
 * keys are looked up first; any other key goes to the panel's `t`.
 */
export function withStrings<D extends Record<string, string>>(t: Translate, strings: FeatureStrings<D>): Translate {
  const dict: Record<string, string> = strings[t('language_tag' satisfies keyof Dictionary)] ?? strings.en;
  return (key, vars) => {
    const text = dict[key];
    return text === undefined ? t(key, vars) : fill(text, vars);
  };
}
