import { languageFiles, prepareStrings } from '../i18n/with-strings';
import { STRINGS, type FeedbackStrings } from './strings';

/** The view's strings in other languages than English: each `strings-xx.ts` its own chunk. */
export const LANGUAGES = languageFiles<FeedbackStrings>(import.meta.glob('./strings-*.ts'));

export const prepareFeedbackStrings = prepareStrings(STRINGS, LANGUAGES);
