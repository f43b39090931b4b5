import { languageFiles, prepareStrings } from '../../i18n/with-strings';
import { STRINGS, type ExtrasStrings } from './strings';

/** The view's strings in other languages than English: each `strings-xx.ts` its own chunk. */
export const LANGUAGES = languageFiles<ExtrasStrings>(import.meta.glob('./strings-*.ts'));

export const prepareExtrasStrings = prepareStrings(STRINGS, LANGUAGES);
