/** The "Call me back" view's chunk, as `panel/views.ts` imports it on first use. */
export { CallbackView as View } from './callback-view';
export { default as css } from './callback.css?inline';
