/** Size budgets in bytes after gzip: the one place they live, with the relay's below. */
export const BUDGETS = {
  /** `earshot.js`, the only thing a page downloads before the visitor interacts. */
  loaderGzip: 2.5 * 1024,
  /** Loader + panel + runtime + one locale: everything a first chat needs. */
  firstChatGzip: 30 * 1024,
};

/** The relay's budgets, checked by `npm run bench` (timing belongs to the benchmark, not to tests). */
export const RELAY_BUDGETS = {
  /** Earshot's highest rate with p99 < 100 ms, as a share of the bare Socket.IO relay's. */
  rateShareOfBare: 0.6,
  /** Visitor→agent p99 at 2,000 messages/s, in milliseconds. */
  p99At2000Ms: 10,
  /** Resident memory per idle visitor connection, 1,000 visitors, in KiB. */
  rssPerVisitorKiB: 35,
};
