/**
 * Logs a chunk that did not arrive (offline, blocked by a CSP or an extension, a release that
 * replaced it), once per failed download and in production builds too: the visitor sees a
 * Retry, and the site's developer needs the reason (the error names the chunk's URL).
 */
export function logLoadError(err: unknown): void {
  console.error('Earshot: a part of the widget could not be loaded.', err);
}
