import formCss from '../panel/form.css?inline';
import ownCss from './feedback.css?inline';
import { whenStrings } from '../i18n/with-strings';
import { FeedbackView } from './feedback-view';
import { prepareFeedbackStrings } from './languages';

/** The feedback view's chunk, as `panel/views.ts` imports it on first use; it draws once its strings are here. */
export const View = whenStrings(FeedbackView, prepareFeedbackStrings);

/** The view's stylesheet: the shared form parts first, so its own rules may refine them. */
export const css = formCss + ownCss;
