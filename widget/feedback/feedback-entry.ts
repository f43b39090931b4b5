/** The feedback view's chunk, as `panel/views.ts` imports it on first use. */
export { FeedbackView as View } from './feedback-view';
export { default as css } from './feedback.css?inline';
