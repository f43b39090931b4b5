import { languageFiles, prepareStrings } from '../i18n/with-strings';
import { STRINGS, type ResumeStrings } from './strings';

/** The strings in other languages than English: each `strings-xx.ts` its own chunk. */
export const LANGUAGES = languageFiles<ResumeStrings>(import.meta.glob('./strings-*.ts'));

export const prepareResumeStrings = prepareStrings(STRINGS, LANGUAGES);
