import { whenStrings } from '../i18n/with-strings';
import { CallbackView } from './callback-view';
import { prepareCallbackStrings } from './languages';

/** The "Call me back" view's chunk, as `panel/views.ts` imports it on first use; it draws once its strings are here. */
export const View = whenStrings(CallbackView, prepareCallbackStrings);
export { default as css } from './callback.css?inline';
