import { prepareStrings } from '../i18n/with-strings';
import { STRINGS } from './strings';

/** The view's strings in other languages than English, each its own chunk. */
export const LANGUAGES = {
  cs: () => import('./strings-cs').then((m) => m.cs),
  ru: () => import('./strings-ru').then((m) => m.ru),
  hy: () => import('./strings-hy').then((m) => m.hy),
  am: () => import('./strings-am').then((m) => m.am),
};

export const prepareCallbackStrings = prepareStrings(STRINGS, LANGUAGES);
