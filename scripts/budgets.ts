/** Size budgets in bytes after gzip: the one place they live. */
export const BUDGETS = {
  /** `earshot.js`, the only thing a page downloads before the visitor interacts. */
  loaderGzip: 2.5 * 1024,
  /** Loader + panel + runtime + one locale: everything a first chat needs. */
  firstChatGzip: 30 * 1024,
};
