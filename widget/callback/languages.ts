import { languageFiles, prepareStrings } from '../i18n/with-strings';
import { STRINGS, type CallbackDictionary } from './strings';

/** The view's strings in other languages than English: each `strings-xx.ts` its own chunk. */
export const LANGUAGES = languageFiles<CallbackDictionary>(import.meta.glob('./strings-*.ts'));

export const prepareCallbackStrings = prepareStrings(STRINGS, LANGUAGES);
