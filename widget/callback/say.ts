import { fill } from '../i18n/fill';
import { en, type CallbackDictionary, type CallbackKey } from './strings';

/** The view's own `t()`: a key of its dictionary, `{name}` placeholders filled. */
export type Say = (key: CallbackKey, vars?: Record<string, string | number>) => string;

/** A `Say` over one dictionary (English for a key it lacks). */
export function sayFrom(dict: CallbackDictionary): Say {
  return (key, vars) => fill(dict[key] ?? en[key], vars);
}
