import type { en as extras } from '../chat/extras/strings';
import type { en as feedback } from '../feedback/strings';
import type en from './en';
import type { LauncherStrings } from './launcher-strings';

/** A plural key's forms in every category a language may need (`reply_time_few`, …). */
type PluralForms<K> = K extends `${infer B}_other` ? `${B}_${Intl.LDMLPluralRule}` : never;

/**
 * A language's panel dictionary: every key of the English one, plus the plural forms its
 * language needs beyond `_one` and `_other` (Czech and Russian: `_few`, `_many`).
 */
export type Dictionary = Record<keyof typeof en, string> & Partial<Record<PluralForms<keyof typeof en>, string>>;

/** Every key a `t()` may be asked: the panel's, the launcher's, and lazily loaded features' (see `with-strings.ts`). */
type Key = keyof typeof en | keyof LauncherStrings | keyof typeof extras | keyof typeof feedback;

/** A key as callers use it: plural keys without their `_one` / `_other` suffix. */
export type MessageKey = Key extends infer K ? (K extends `${infer B}_other` ? B : K extends `${string}_one` ? never : K) : never;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * A tiny `t()`: looks a key up, picks a plural form when `count` is given, and fills
 * `{name}` placeholders. A missing key shows itself, so a gap is visible, not fatal.
 */
export function createTranslate(lang: string, dict: Partial<Record<Key, string>>): Translate {
  const plural = new Intl.PluralRules(lang);
  const table = dict as Record<string, string>;
  return (key, vars) => {
    const count = vars?.count;
    const text = (typeof count === 'number' && (table[`${key}_${plural.select(count)}`] ?? table[`${key}_other`])) || table[key] || key;
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  };
}
