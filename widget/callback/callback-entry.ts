import formCss from '../panel/form.css?inline';
import ownCss from './callback.css?inline';
import { whenStrings } from '../i18n/with-strings';
import { CallbackView } from './callback-view';
import { prepareCallbackStrings } from './languages';

/** The "Call me back" view's chunk, as `panel/views.ts` imports it on first use; it draws once its strings are here. */
export const View = whenStrings(CallbackView, prepareCallbackStrings);

/** The view's stylesheet: the shared form parts first, so its own rules may refine them. */
export const css = formCss + ownCss;
