import { whenStrings } from '../i18n/with-strings';
import { FeedbackView } from './feedback-view';
import { prepareFeedbackStrings } from './languages';

/** The feedback view's chunk, as `panel/views.ts` imports it on first use; it draws once its strings are here. */
export const View = whenStrings(FeedbackView, prepareFeedbackStrings);
export { default as css } from './feedback.css?inline';
